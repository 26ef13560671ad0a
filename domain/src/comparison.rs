//! The public comparison of producers: what a visitor asks for and how own shares are
//! computed. The edge parses requests with [`OffersQuery::from_pairs`]; the app builds the
//! same query with [`OffersQuery::to_pairs`], so both sides agree on every rule.

use crate::codes::{MunicipalityCode, ServiceCode};
use crate::error::{ApiError, ErrorCode};
use crate::lang::Lang;
use crate::money::Cents;

/// How many offers one page of the comparison holds.
pub const PAGE_SIZE: u32 = 20;
/// The highest page number accepted; deeper paging is refused rather than scanned.
pub const MAX_PAGE: u32 = 10_000;

/// What the customer pays themselves for one unit: the part of the price the voucher does
/// not cover, `max(0, price − voucher value)`.
pub fn own_share(price: Cents, voucher_value: Cents) -> Cents {
    price.saturating_sub(voucher_value)
}

/// The order of the comparison. Ties are broken by price, then name, then id, so the order
/// is total and paging is stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    #[default]
    Price,
    OwnShare,
    Name,
}

impl SortKey {
    pub fn parse(input: &str) -> Option<SortKey> {
        match input {
            "price" => Some(SortKey::Price),
            "own_share" => Some(SortKey::OwnShare),
            "name" => Some(SortKey::Name),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Price => "price",
            SortKey::OwnShare => "own_share",
            SortKey::Name => "name",
        }
    }
}

/// A valid request for the comparison: municipality and service are required; the voucher
/// value is optional (own shares are computed only when it is given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffersQuery {
    pub municipality: MunicipalityCode,
    pub service: ServiceCode,
    pub voucher: Option<Cents>,
    pub sort: SortKey,
    pub lang: Lang,
    /// 1-based.
    pub page: u32,
}

impl OffersQuery {
    /// Parses query parameters. The first problem found is returned as an [`ApiError`] in
    /// the request's language; unknown parameters are ignored.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
    ) -> Result<Self, ApiError> {
        let mut municipality = None;
        let mut service = None;
        let mut voucher = None;
        let mut sort = None;
        let mut lang = None;
        let mut page = None;
        for (key, value) in pairs {
            match key {
                "municipality" => municipality = Some(value),
                "service" => service = Some(value),
                "voucher" => voucher = Some(value),
                "sort" => sort = Some(value),
                "lang" => lang = Some(value),
                "page" => page = Some(value),
                _ => {}
            }
        }
        // The language comes first so that every other error can be told in it.
        let lang = match lang {
            None => Lang::Fi,
            Some(l) => {
                Lang::parse(l).ok_or_else(|| ApiError::new(ErrorCode::InvalidLanguage, Lang::En))?
            }
        };
        let err = |code| ApiError::new(code, lang);
        let municipality = municipality
            .filter(|m| !m.is_empty())
            .ok_or_else(|| err(ErrorCode::MissingParameter))?;
        let municipality = MunicipalityCode::parse(municipality)
            .map_err(|_| err(ErrorCode::InvalidMunicipality))?;
        let service = service
            .filter(|s| !s.is_empty())
            .ok_or_else(|| err(ErrorCode::MissingParameter))?;
        let service = ServiceCode::parse(service).map_err(|_| err(ErrorCode::InvalidService))?;
        let voucher = match voucher {
            None | Some("") => None,
            Some(v) => Some(Cents::parse(v).map_err(|_| err(ErrorCode::InvalidVoucherValue))?),
        };
        let sort = match sort {
            None | Some("") => SortKey::default(),
            Some(s) => SortKey::parse(s).ok_or_else(|| err(ErrorCode::InvalidSort))?,
        };
        let page = match page {
            None | Some("") => 1,
            Some(p) => p
                .parse::<u32>()
                .ok()
                .filter(|p| (1..=MAX_PAGE).contains(p))
                .ok_or_else(|| err(ErrorCode::InvalidPage))?,
        };
        Ok(Self {
            municipality,
            service,
            voucher,
            sort,
            lang,
            page,
        })
    }

    /// The query parameters that [`OffersQuery::from_pairs`] reads back to this query.
    /// Defaults are left out so that URLs stay short.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = vec![
            ("municipality", self.municipality.to_string()),
            ("service", self.service.to_string()),
        ];
        if let Some(v) = self.voucher {
            pairs.push(("voucher", v.get().to_string()));
        }
        if self.sort != SortKey::default() {
            pairs.push(("sort", self.sort.as_str().to_owned()));
        }
        if self.lang != Lang::default() {
            pairs.push(("lang", self.lang.code().to_owned()));
        }
        if self.page != 1 {
            pairs.push(("page", self.page.to_string()));
        }
        pairs
    }

    /// Rows to skip for this page.
    pub fn offset(&self) -> u32 {
        (self.page - 1) * PAGE_SIZE
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cents(c: i64) -> Cents {
        Cents::new(c).unwrap()
    }

    fn parse(q: &[(&str, &str)]) -> Result<OffersQuery, ApiError> {
        OffersQuery::from_pairs(q.iter().copied())
    }

    #[test]
    fn own_share_is_the_part_of_the_price_above_the_voucher() {
        assert_eq!(own_share(cents(3500), cents(2500)), cents(1000));
        assert_eq!(own_share(cents(2500), cents(2500)), Cents::ZERO);
        assert_eq!(own_share(cents(2000), cents(2500)), Cents::ZERO);
    }

    #[test]
    fn a_full_query_parses() {
        let q = parse(&[
            ("municipality", "638"),
            ("service", "home-care"),
            ("voucher", "2500"),
            ("sort", "own_share"),
            ("lang", "sv"),
            ("page", "2"),
        ])
        .unwrap();
        assert_eq!(q.municipality.as_str(), "638");
        assert_eq!(q.voucher, Some(cents(2500)));
        assert_eq!(q.sort, SortKey::OwnShare);
        assert_eq!(q.lang, Lang::Sv);
        assert_eq!(q.offset(), PAGE_SIZE);
    }

    #[test]
    fn bad_parameters_give_their_own_codes() {
        let base = [("municipality", "638"), ("service", "home-care")];
        let with = |k: &'static str, v: &'static str| {
            let mut q = base.to_vec();
            q.push((k, v));
            parse(&q).unwrap_err().code
        };
        assert_eq!(with("voucher", "-100"), ErrorCode::InvalidVoucherValue);
        assert_eq!(with("voucher", "abc"), ErrorCode::InvalidVoucherValue);
        assert_eq!(with("sort", "cheapest"), ErrorCode::InvalidSort);
        assert_eq!(with("page", "0"), ErrorCode::InvalidPage);
        assert_eq!(with("page", "x"), ErrorCode::InvalidPage);
        assert_eq!(with("lang", "de"), ErrorCode::InvalidLanguage);
        assert_eq!(
            parse(&[("service", "home-care")]).unwrap_err().code,
            ErrorCode::MissingParameter
        );
        assert_eq!(
            parse(&[("municipality", "Porvoo"), ("service", "home-care")])
                .unwrap_err()
                .code,
            ErrorCode::InvalidMunicipality
        );
        assert_eq!(
            parse(&[("municipality", "638"), ("service", "Home Care")])
                .unwrap_err()
                .code,
            ErrorCode::InvalidService
        );
    }

    #[test]
    fn errors_speak_the_requested_language() {
        let e = parse(&[("lang", "sv"), ("service", "home-care")]).unwrap_err();
        assert_eq!(e.message, ErrorCode::MissingParameter.message(Lang::Sv));
    }

    proptest! {
        #[test]
        fn queries_round_trip_through_their_pairs(
            m in "[0-9]{3}", s in "[a-z][a-z0-9-]{0,20}[a-z]", v in proptest::option::of(0..=Cents::MAX),
            sort in 0usize..3, lang in 0usize..3, page in 1u32..=MAX_PAGE,
        ) {
            let q = OffersQuery {
                municipality: MunicipalityCode::parse(&m).unwrap(),
                service: ServiceCode::parse(&s).unwrap(),
                voucher: v.map(|v| Cents::new(v).unwrap()),
                sort: [SortKey::Price, SortKey::OwnShare, SortKey::Name][sort],
                lang: Lang::ALL[lang],
                page,
            };
            let pairs = q.to_pairs();
            let back = OffersQuery::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))).unwrap();
            prop_assert_eq!(back, q);
        }

        #[test]
        fn own_share_plus_voucher_covers_the_price(p in 0..=Cents::MAX, v in 0..=Cents::MAX) {
            let share = own_share(cents(p), cents(v));
            prop_assert!(share.get() + v >= p);
            prop_assert!(share.get() <= p);
        }
    }
}
