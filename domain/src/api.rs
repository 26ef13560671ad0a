//! The JSON contract between the app and the edge. Both sides use these types, so a field
//! renamed on one side is a compile error on the other.

use crate::business_id::BusinessId;
use crate::catalogue::{ProducerId, Unit};
use crate::codes::{MunicipalityCode, ServiceCode};
use crate::money::Cents;
use serde::{Deserialize, Serialize};

/// `GET /api/public/municipalities`: the municipalities that use Seteli, with names in the
/// requested language. `bilingual` marks municipalities with Finnish and Swedish as official
/// languages (Porvoo – Borgå).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    pub code: MunicipalityCode,
    pub name: String,
    pub bilingual: bool,
}

/// `GET /api/public/services`: the services vouchers are granted for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub code: ServiceCode,
    pub name: String,
    pub description: String,
    pub unit: Unit,
}

/// One approved producer's current price for the chosen service and municipality.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferSummary {
    pub producer_id: ProducerId,
    pub producer_name: String,
    pub price_cents: Cents,
    pub unit: Unit,
    /// Present only when the request gave a voucher value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_share_cents: Option<Cents>,
    /// ISO 639-1 codes of the languages the producer serves in.
    pub languages: Vec<String>,
    pub post_office: String,
    pub summary: String,
    /// ISO date (`YYYY-MM-DD`) from which the price is valid.
    pub valid_from: String,
}

/// `GET /api/public/offers`: one page of the comparison and the total count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferPage {
    pub total: u32,
    pub page: u32,
    pub page_size: u32,
    pub offers: Vec<OfferSummary>,
}

/// A service an approved producer offers in one municipality, at today's price.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerOffer {
    pub municipality_code: MunicipalityCode,
    pub municipality_name: String,
    pub service_code: ServiceCode,
    pub service_name: String,
    pub unit: Unit,
    pub price_cents: Cents,
    pub valid_from: String,
}

/// `GET /api/public/producers/{id}`: a producer's public profile; only approved services.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProducerProfile {
    pub id: ProducerId,
    pub name: String,
    pub business_id: BusinessId,
    pub description: String,
    pub languages: Vec<String>,
    pub street_address: String,
    pub postal_code: String,
    pub post_office: String,
    pub phone: String,
    pub email: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    pub services: Vec<ProducerOffer>,
}

/// `GET /api/auth/me`: who is logged in. Never carries the identity code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    /// `citizen` (staff later).
    pub audience: String,
    pub given_name: String,
    pub family_name: String,
}
