//! Producers, the services they offer and their approval by municipalities.

use serde::{Deserialize, Serialize};

/// What one unit of a service is; prices and voucher values are per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Hour,
    Visit,
    Day,
}

impl Unit {
    pub fn parse(input: &str) -> Option<Unit> {
        match input {
            "hour" => Some(Unit::Hour),
            "visit" => Some(Unit::Visit),
            "day" => Some(Unit::Day),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Hour => "hour",
            Unit::Visit => "visit",
            Unit::Day => "day",
        }
    }
}

/// A producer's approval to provide one service in one municipality. Only `Approved`
/// producers and offers are ever shown publicly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalStatus {
    Pending,
    Approved,
    Withdrawn,
    Rejected,
}

impl ApprovalStatus {
    pub fn parse(input: &str) -> Option<ApprovalStatus> {
        match input {
            "pending" => Some(ApprovalStatus::Pending),
            "approved" => Some(ApprovalStatus::Approved),
            "withdrawn" => Some(ApprovalStatus::Withdrawn),
            "rejected" => Some(ApprovalStatus::Rejected),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ApprovalStatus::Pending => "pending",
            ApprovalStatus::Approved => "approved",
            ApprovalStatus::Withdrawn => "withdrawn",
            ApprovalStatus::Rejected => "rejected",
        }
    }
    /// Whether the public may see the producer's offer under this approval.
    pub fn is_public(self) -> bool {
        self == ApprovalStatus::Approved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_approved_is_public() {
        use ApprovalStatus::*;
        for s in [Pending, Withdrawn, Rejected] {
            assert!(!s.is_public());
            assert_eq!(ApprovalStatus::parse(s.as_str()), Some(s));
        }
        assert!(Approved.is_public());
    }
}
