//! Arranging the organisers' own e-authorisations: departments, job titles, a small
//! catalogue, orders on both paths in every open state, and a holding.

use super::app::TestApp;
use seteli_edge::outbound::Outbound;
use seteli_mocks::cast;

/// Itä-Uusimaa's catalogue entry 1 (Kela's benefit information, held) and 2 (Kela's social
/// assistance data, not held); Helsinki's 101 (held).
pub const KELA_HELD: i64 = 1;
pub const KELA_MISSING: i64 = 2;
pub const HELSINKI_ENTRY: i64 = 101;

impl<H: Outbound> TestApp<H> {
    /// Departments and job titles of both organisers, the catalogue entries above, social
    /// services' map (both Kela entries) and the social counsellor's (the held one).
    pub fn authorisation_catalogue(&self) {
        self.sql(
            "INSERT INTO departments (organiser_code, code, name_fi, name_sv, name_en) VALUES
                 ('ita-uusimaa', 'sosiaalipalvelut', 'Sosiaalipalvelut', 'Socialtjänster', 'Social services'),
                 ('ita-uusimaa', 'talous-ja-hallinto', 'Talous- ja hallintopalvelut', 'Ekonomi- och förvaltningstjänster', 'Finance and administration'),
                 ('ita-uusimaa', 'ikaantyneiden-palvelut', 'Ikääntyneiden palvelut', 'Äldreomsorg', 'Services for older people'),
                 ('helsinki', 'sosiaali-terveys', 'Sosiaali- ja terveystoimiala', 'Social- och hälsovårdssektorn', 'Social services and health care');
             INSERT INTO job_titles (organiser_code, code, name_fi, name_sv, name_en) VALUES
                 ('ita-uusimaa', 'sosiaaliohjaaja', 'Sosiaaliohjaaja', 'Socialhandledare', 'Social counsellor'),
                 ('ita-uusimaa', 'asiakasohjaaja', 'Asiakasohjaaja', 'Klienthandledare', 'Client coordinator'),
                 ('ita-uusimaa', 'palvelupaallikko', 'Palvelupäällikkö', 'Servicechef', 'Service manager'),
                 ('ita-uusimaa', 'valtuushallinnoija', 'Valtuuksien hallinnoija', 'Fullmaktsadministratör', 'Authorisation administrator'),
                 ('helsinki', 'asiakasohjaaja', 'Asiakasohjaaja', 'Klienthandledare', 'Client coordinator');
             INSERT INTO authorisations (id, organiser_code, kind, name_fi, name_sv, name_en, agency_fi, agency_sv, agency_en,
                     service_fi, service_sv, service_en, issue_code, why_fi, why_sv, why_en, held, updated_at, updated_by_name) VALUES
                 (1, 'ita-uusimaa', 'act', 'Etuustietojen katselu', 'Visning av förmånsuppgifter', 'Viewing benefit information',
                  'Kela', 'FPA', 'Kela', 'Kelan asiointipalvelu', 'FPA:s e-tjänst', 'Kela e-service', NULL,
                  'Toimeentulotuen päätöksiin', 'För beslut om utkomststöd', 'For social assistance decisions', 1,
                  '2026-11-01T08:00:00Z', 'Jukka Petteri Laine'),
                 (2, 'ita-uusimaa', 'act', 'Toimeentulotukiasioiden tiedot', 'Uppgifter om utkomststöd', 'Social assistance data',
                  'Kela', 'FPA', 'Kela', 'Kelan asiointipalvelu', 'FPA:s e-tjänst', 'Kela e-service', NULL,
                  '', '', '', 0, '2026-11-01T08:00:00Z', 'Jukka Petteri Laine'),
                 (101, 'helsinki', 'act', 'Etuustietojen katselu', 'Visning av förmånsuppgifter', 'Viewing benefit information',
                  'Kela', 'FPA', 'Kela', 'Kelan asiointipalvelu', 'FPA:s e-tjänst', 'Kela e-service', NULL,
                  '', '', '', 1, '2026-11-01T08:00:00Z', 'Tomas Henrik Lindqvist');
             INSERT INTO authorisation_map (organiser_code, authorisation_id, department_code, job_title_code) VALUES
                 ('ita-uusimaa', 1, 'sosiaalipalvelut', NULL),
                 ('ita-uusimaa', 2, 'sosiaalipalvelut', NULL),
                 ('ita-uusimaa', 1, NULL, 'sosiaaliohjaaja');",
        );
    }

    /// Order (case) `id` on `path` for Mikko (as social services' client coordinator) of
    /// `authorisation`, ordered by customer service's Sari on 20 November, in `state` (in
    /// progress or waiting: `valtuushallinnoija`'s; waiting is on DVV).
    pub fn authorisation_order(&self, id: i64, path: &str, authorisation: i64, state: &str) {
        let (handler, waiting_on) = match state {
            "in_progress" => ("'valtuushallinnoija'", "NULL"),
            "waiting" => ("'valtuushallinnoija'", "'dvv'"),
            _ => ("NULL", "NULL"),
        };
        let hetu = cast::person("Mikko").code();
        self.sql(&format!(
            "INSERT INTO cases (id, kind, organiser_code, state, handler, waiting_on, step, created_at, submitted_at, updated_at)
                 VALUES ({id}, 'authorisation_order', 'ita-uusimaa', '{state}', {handler}, {waiting_on}, 'step-{id}',
                         '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z');
             INSERT INTO authorisation_orders (case_id, organiser_code, path, employee_given_name, employee_family_name,
                     employee_hetu, department_code, job_title_code, justification, orderer_username, orderer_name,
                     orderer_email, dvv_reference)
                 VALUES ({id}, 'ita-uusimaa', '{path}', 'Mikko', 'Kumpulainen', '{hetu}', 'sosiaalipalvelut',
                         'asiakasohjaaja', 'Asiakastyö', 'asiakaspalvelu', 'Sari Helena Virtanen',
                         'sari.virtanen@porvoo.example',
                         CASE WHEN {waiting_on} IS NULL THEN NULL ELSE 'DVV/1/2026' END);
             INSERT INTO authorisation_order_items (case_id, authorisation_id) VALUES ({id}, {authorisation});"
        ));
    }

    /// The catalogue above; orders 3 (path 1, submitted), 4 (path 2, in progress), 5 (path 2,
    /// waiting on DVV) and 6 (path 1, in progress); another administrator of Itä-Uusimaa
    /// (`toinen-hallinnoija`, as if logged in); and holding 1: Mikko holds entry 1 until
    /// the end of 2027.
    pub fn authorisation_fixtures(&self) {
        self.authorisation_catalogue();
        self.authorisation_order(3, "held", KELA_HELD, "submitted");
        self.authorisation_order(4, "missing", KELA_MISSING, "in_progress");
        self.authorisation_order(5, "missing", KELA_MISSING, "waiting");
        self.authorisation_order(6, "held", KELA_HELD, "in_progress");
        let hetu = cast::person("Mikko").code();
        self.sql(&format!(
            "INSERT INTO staff_members (username, given_name, family_name, organiser_code, roles, last_login_at, email)
                 VALUES ('toinen-hallinnoija', 'Toini', 'Toinen', 'ita-uusimaa', 'authorisation_admin',
                         '2026-11-20 08:00:00', 'toini.toinen@porvoo.example');
             INSERT INTO authorisation_holdings (id, organiser_code, authorisation_id, employee_given_name,
                     employee_family_name, employee_hetu, department_code, job_title_code, since, until, recorded_by_name)
                 VALUES (1, 'ita-uusimaa', 1, 'Mikko', 'Kumpulainen', '{hetu}', 'sosiaalipalvelut', 'asiakasohjaaja',
                         '2026-01-15', '2027-12-31', 'Jukka Petteri Laine');"
        ));
    }
}
