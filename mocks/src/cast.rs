//! The cast of the test story, by name: the persons of `mocks/data/persons.json` and of the
//! Valtuudet register (`mocks/data/valtuudet.json`, which adds people nobody logs in as, such
//! as Oskar), the staff users of `mocks/data/staff.json` and the register's companies.
//!
//! Every test that needs a test person, a staff user or a company asks here instead of writing
//! an identity code or a business id down again, so the data files stay the one place they
//! are declared. The data is compiled in; a name that is not in the cast is a mistake in the
//! test, and panics naming the names there are (never an identity code).

use crate::identification::people::{self, Person, StaffUser};
use crate::valtuudet::register::{Organisation, Register};
use std::sync::LazyLock;

struct Cast {
    persons: Vec<Person>,
    staff: Vec<StaffUser>,
    companies: Vec<Organisation>,
}

static CAST: LazyLock<Cast> = LazyLock::new(|| {
    // The files are compiled in and checked by the mocks' own tests: failing here is a
    // broken build, not something a caller could handle.
    let register = Register::default_seed().expect("mocks/data/valtuudet.json is valid");
    let mut persons = people::persons().expect("mocks/data/persons.json is valid");
    for person in register.persons {
        if !persons.iter().any(|p| p.hetu == person.hetu) {
            persons.push(person);
        }
    }
    Cast {
        persons,
        staff: people::staff().expect("mocks/data/staff.json is valid"),
        companies: register.organisations,
    }
});

impl Person {
    /// The first of the person's given names (`Eeva-Liisa` of `Eeva-Liisa Marjatta`): the
    /// name the cast knows them by.
    pub fn first_name(&self) -> &str {
        self.given_name
            .split_whitespace()
            .next()
            .unwrap_or(&self.given_name)
    }

    /// The identity code as text, for forms, test ids and arranging test data.
    pub fn code(&self) -> &str {
        self.hetu.as_str()
    }
}

/// The person whose first given name is `first_name` (`"Anni"`, `"Eeva-Liisa"`).
///
/// # Panics
/// When the cast has nobody by that name.
pub fn person(first_name: &str) -> &'static Person {
    CAST.persons
        .iter()
        .find(|p| p.first_name() == first_name)
        .unwrap_or_else(|| {
            let names: Vec<&str> = CAST.persons.iter().map(Person::first_name).collect();
            panic!("no test person {first_name:?}; the cast has {names:?}")
        })
}

/// Every person of the cast: those one can log in as, then those only Valtuudet knows.
pub fn persons() -> &'static [Person] {
    &CAST.persons
}

/// The staff user who logs in as `username` (`"asiakaspalvelu"`).
///
/// # Panics
/// When there is no such staff user.
pub fn staff_user(username: &str) -> &'static StaffUser {
    CAST.staff
        .iter()
        .find(|u| u.username == username)
        .unwrap_or_else(|| {
            let names: Vec<&str> = CAST.staff.iter().map(|u| u.username.as_str()).collect();
            panic!("no staff user {username:?}; the cast has {names:?}")
        })
}

/// The company whose name has the word `word` (`"Rova"`, `"Aurinko"`, `"Laskuri"`).
///
/// # Panics
/// When no company, or more than one, has that word in its name.
pub fn company(word: &str) -> &'static Organisation {
    let mut found = CAST
        .companies
        .iter()
        .filter(|c| c.name.split_whitespace().any(|w| w == word));
    match (found.next(), found.next()) {
        (Some(company), None) => company,
        _ => {
            let names: Vec<&str> = CAST.companies.iter().map(|c| c.name.as_str()).collect();
            panic!("no one company named with {word:?}; the cast has {names:?}")
        }
    }
}

impl Organisation {
    /// The business id as text, for forms, test ids and arranging test data.
    pub fn code(&self) -> &str {
        self.business_id.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyone_in_the_story_is_found_by_their_first_name() {
        for name in [
            "Eeva-Liisa",
            "Anni",
            "Mikko",
            "Eetu",
            "Ella",
            "Karl-Johan",
            "Oskar",
        ] {
            assert_eq!(person(name).first_name(), name);
        }
        assert_eq!(person("Anni").family_name, "Kumpulainen");
        assert_eq!(persons().len(), 9);
    }

    #[test]
    fn first_names_are_unique_so_a_name_means_one_person() {
        let mut names: Vec<&str> = persons().iter().map(Person::first_name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), persons().len());
    }

    #[test]
    fn companies_and_staff_are_found_by_name() {
        assert_eq!(company("Rova").name, "Rova Oy");
        assert_eq!(company("Aurinko").name, "Hoivapalvelu Aurinko Oy");
        assert_eq!(company("Laskuri").name, "Tilitoimisto Laskuri Oy");
        assert_eq!(
            staff_user("asiakaspalvelu").organiser.as_str(),
            "ita-uusimaa"
        );
    }

    #[test]
    #[should_panic(expected = "no test person \"Nobody\"")]
    fn an_unknown_name_panics_with_the_names_there_are() {
        person("Nobody");
    }
}
