//! The test persons and staff users the mock lets you log in as. They live in
//! `mocks/data/*.json` so that the rest of the project (demo data, browser tests) can read the
//! same list; they are compiled in, so the binary runs from any directory.

use serde::Deserialize;
use seteli_domain::{Hetu, OrganiserCode};

const PERSONS_JSON: &str = include_str!("../../data/persons.json");
const STAFF_JSON: &str = include_str!("../../data/staff.json");

/// A citizen test person. Every code is a valid test code (individual number 900–999).
#[derive(Debug, Clone, Deserialize)]
pub struct Person {
    /// The person's personal identity code.
    pub hetu: Hetu,
    /// All first names, e.g. `Anni Emilia`, as Suomi.fi gives them.
    pub given_name: String,
    pub family_name: String,
    /// Who the person is in the test story, e.g. "guardian of ...".
    #[serde(default)]
    pub note: Option<String>,
}

impl Person {
    /// `given_name family_name`, the OpenID Connect `name` claim.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// A municipal staff test user.
#[derive(Debug, Clone, Deserialize)]
pub struct StaffUser {
    /// Login name; lowercase letters, digits and hyphens (it appears in `data-testid`s).
    pub username: String,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    /// The organiser (municipality or wellbeing services county) the user works for.
    pub organiser: OrganiserCode,
    /// Seteli staff roles, e.g. `customer_service`, `authorisation_admin`.
    pub roles: Vec<String>,
    /// The department's code in the organiser's list (the `department` claim).
    #[serde(default)]
    pub department: Option<String>,
    /// The job title's code in the organiser's list (the `job_title` claim).
    #[serde(default)]
    pub job_title: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl StaffUser {
    /// `given_name family_name`, the OpenID Connect `name` claim.
    pub fn full_name(&self) -> String {
        format!("{} {}", self.given_name, self.family_name)
    }
}

/// The citizen test persons from `mocks/data/persons.json`.
pub fn persons() -> Result<Vec<Person>, serde_json::Error> {
    serde_json::from_str(PERSONS_JSON)
}

/// The staff test users from `mocks/data/staff.json`.
pub fn staff() -> Result<Vec<StaffUser>, serde_json::Error> {
    serde_json::from_str(STAFF_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_test_person_has_a_valid_test_code() {
        let persons = persons().unwrap();
        assert!(persons.len() >= 6);
        for person in &persons {
            assert!(
                person.hetu.is_test_code(),
                "{} has a real individual number",
                person.full_name()
            );
        }
        let unique: HashSet<_> = persons.iter().map(|p| p.hetu.clone()).collect();
        assert_eq!(unique.len(), persons.len());
    }

    #[test]
    fn the_test_persons_cover_the_generations_the_stories_need() {
        let years: Vec<i32> = persons()
            .unwrap()
            .iter()
            .map(|p| p.hetu.birth_date().year())
            .collect();
        assert!(years.iter().any(|y| (1930..1940).contains(y)), "elderly");
        assert!(years.iter().filter(|y| (1980..1990).contains(*y)).count() >= 2);
        assert!(years.iter().filter(|y| (2010..2020).contains(*y)).count() >= 2);
    }

    #[test]
    fn staff_usernames_are_safe_in_test_ids_and_unique_and_roles_are_setelis() {
        let staff = staff().unwrap();
        assert!(staff.len() >= 3);
        for user in &staff {
            assert!(user
                .username
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            // An employee may have no Seteli role (they still order their own
            // e-authorisations); every role named is one of Seteli's, and every user's login
            // names their department and job title.
            assert!(user.roles.iter().all(|r| [
                "customer_service",
                "producer_handler",
                "finance",
                "authorisation_admin",
                "supervisor"
            ]
            .contains(&r.as_str())));
            assert!(user.department.is_some() && user.job_title.is_some());
        }
        assert!(staff.iter().any(|u| u.roles.is_empty()));
        let unique: HashSet<_> = staff.iter().map(|u| &u.username).collect();
        assert_eq!(unique.len(), staff.len());
    }
}
