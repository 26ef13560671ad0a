//! The app's entries: one browser build per audience, so that a visitor of the public
//! comparison downloads neither the customer's nor the producer's pages. The table here is
//! the one place that says which paths each entry answers: the app's router falls back to a
//! full page load for another entry's path, and the static files' `_redirects` (written by
//! `cargo xtask` from this table) answer a deep link with its entry's page.

/// One audience's build of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The comparison and the producers' public profiles: everything no other entry claims.
    Public,
    /// The logged-in customer's pages, for themselves or for someone else.
    Citizen,
    /// The pages of the producer company the session acts for.
    Producer,
    /// The organiser's staff: the desk, customers, need assessments, voucher decisions,
    /// registered proxies and checking events. Never kept offline (personal data).
    Staff,
}

impl Entry {
    /// Every entry, the public one first (it is built first: trunk empties its `dist`).
    pub const ALL: [Entry; 4] = [Entry::Public, Entry::Citizen, Entry::Producer, Entry::Staff];

    /// The paths this entry answers: an exact path, or a prefix ending in `/` that matches
    /// every path below it. The public entry answers the rest.
    pub fn paths(self) -> &'static [&'static str] {
        match self {
            Entry::Public => &[],
            Entry::Citizen => &["/my/", "/on-behalf"],
            Entry::Producer => &["/producer", "/producer/"],
            Entry::Staff => &["/desk", "/desk/"],
        }
    }

    /// The entry that answers `path` (a URL's path, without query or fragment).
    pub fn for_path(path: &str) -> Entry {
        Entry::ALL
            .into_iter()
            .find(|entry| {
                entry
                    .paths()
                    .iter()
                    .any(|claimed| match claimed.strip_suffix('/') {
                        Some(_) => path.starts_with(claimed),
                        None => path == *claimed,
                    })
            })
            .unwrap_or(Entry::Public)
    }

    /// Whether the service worker keeps this entry's last answers on the device, for its
    /// pages to open without a connection: only the producer's, whose employees log visits
    /// where there is no network (and whose answers carry no identity codes).
    pub fn keeps_offline_data(self) -> bool {
        self == Entry::Producer
    }

    /// Whether the entry's pages use the logged-in pages' texts
    /// (`i18n::register_private_texts`): every entry but the public one, whose download stays
    /// without them.
    pub fn uses_private_texts(self) -> bool {
        self != Entry::Public
    }

    /// The entry's binary in the app crate, and the stem of its files.
    pub fn binary(self) -> &'static str {
        match self {
            Entry::Public => "seteli-public",
            Entry::Citizen => "seteli-citizen",
            Entry::Producer => "seteli-producer",
            Entry::Staff => "seteli-staff",
        }
    }

    /// Where the entry's files are served from: `/` for the public entry, whose
    /// `index.html` the single-page fallback serves, else a directory of its own that no
    /// page's path uses.
    pub fn public_url(self) -> &'static str {
        match self {
            Entry::Public => "/",
            Entry::Citizen => "/entry/citizen/",
            Entry::Producer => "/entry/producer/",
            Entry::Staff => "/entry/staff/",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_belongs_to_its_audience_s_entry() {
        for (path, entry) in [
            ("/", Entry::Public),
            ("/producers/12", Entry::Public),
            ("/producersx", Entry::Public),
            ("/no/such/page", Entry::Public),
            ("/my/vouchers", Entry::Citizen),
            ("/my/vouchers/7", Entry::Citizen),
            ("/on-behalf", Entry::Citizen),
            ("/on-behalfx", Entry::Public),
            ("/my", Entry::Public),
            ("/producer", Entry::Producer),
            ("/producer/vouchers/7", Entry::Producer),
            ("/desk", Entry::Staff),
            ("/desk/", Entry::Staff),
            ("/desk/customers/12", Entry::Staff),
            ("/desk/decisions/new", Entry::Staff),
            ("/deskx", Entry::Public),
        ] {
            assert_eq!(Entry::for_path(path), entry, "{path}");
        }
    }

    #[test]
    fn only_the_producer_s_pages_keep_data_for_offline_use() {
        let keeping: Vec<Entry> = Entry::ALL
            .into_iter()
            .filter(|e| e.keeps_offline_data())
            .collect();
        assert_eq!(keeping, [Entry::Producer]);
    }

    #[test]
    fn the_staff_pages_are_an_entry_of_their_own() {
        assert!(Entry::ALL.contains(&Entry::Staff));
        assert_eq!(Entry::Staff.binary(), "seteli-staff");
        assert_eq!(Entry::Staff.public_url(), "/entry/staff/");
        assert!(!Entry::Staff.keeps_offline_data());
    }

    #[test]
    fn each_entry_is_one_of_the_app_s_binaries() {
        // As `app/Cargo.toml`'s `[[bin]]` names them.
        let app = include_str!("../../app/Cargo.toml");
        for entry in Entry::ALL {
            assert!(
                app.contains(&format!("name = \"{}\"", entry.binary())),
                "{entry:?}"
            );
        }
    }

    #[test]
    fn every_entry_but_the_public_one_lives_in_a_directory_no_page_claims() {
        for entry in Entry::ALL {
            let url = entry.public_url();
            assert!(url.starts_with('/') && url.ends_with('/'), "{url}");
            if entry != Entry::Public {
                assert_eq!(Entry::for_path(&format!("{url}index.html")), Entry::Public);
                assert!(!entry.paths().is_empty());
            }
        }
    }

    #[test]
    fn every_entry_but_the_public_one_uses_the_logged_in_pages_words() {
        assert!(!Entry::Public.uses_private_texts());
        for entry in [Entry::Citizen, Entry::Producer, Entry::Staff] {
            assert!(entry.uses_private_texts(), "{entry:?}");
        }
    }
}
