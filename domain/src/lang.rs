//! The languages Seteli speaks.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A user-interface language. Finnish is the default; Swedish is the other national language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    /// `fi`, `sv` or `en`; anything else is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "fi" => Some(Lang::Fi),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first supported language in an `Accept-Language` header, else Finnish.
    pub fn from_accept_language(header: &str) -> Lang {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .filter_map(|tag| Lang::parse(tag.trim().get(..2)?.to_ascii_lowercase().as_str()))
            .next()
            .unwrap_or_default()
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, as a language switcher shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Fi => "Suomi",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Lang {
    /// Of a text's Finnish, Swedish and English versions, the one in this language; English
    /// falls back to Finnish when the data has no English text.
    pub fn pick(self, fi: String, sv: String, en: Option<String>) -> String {
        match self {
            Lang::Fi => fi,
            Lang::Sv => sv,
            Lang::En => en.unwrap_or(fi),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            Lang::from_accept_language("sv-FI,sv;q=0.9,en;q=0.8"),
            Lang::Sv
        );
        assert_eq!(Lang::from_accept_language("de-DE, en;q=0.5"), Lang::En);
        assert_eq!(Lang::from_accept_language("de"), Lang::Fi);
        assert_eq!(Lang::from_accept_language(""), Lang::Fi);
    }

    #[test]
    fn english_falls_back_to_finnish() {
        let pick = |lang: Lang, en: Option<&str>| {
            lang.pick("Kotihoito".into(), "Hemvård".into(), en.map(str::to_owned))
        };
        assert_eq!(pick(Lang::Sv, None), "Hemvård");
        assert_eq!(pick(Lang::En, None), "Kotihoito");
        assert_eq!(pick(Lang::En, Some("Home care")), "Home care");
    }
}
