//! The value of an income-related voucher (tulosidonnainen palveluseteli): the organiser's
//! table for a service gives the full value per unit, an income limit and a reduction
//! percentage per household size; gross monthly income above the limit reduces the full value
//! by the percentage of the excess divided over the table's units per month (60 hours in the
//! Ministry of Social Affairs and Health's home-care model), never below the minimum value.
//!
//! The ministry's own example: a household of one with 900 € a month, limit 528 €, 35 %, full
//! value 25 €/h: 25 € − (900 € − 528 €) × 35 % / 60 = 22.83 €/h.
//!
//! Everything is integer cents. The reduction is rounded down and the value then up to the
//! table's rounding step, both in the customer's favour. [`Computation`] keeps every step,
//! for the decision to show how its value was reached.

use crate::money::Cents;

/// One household size's row of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncomeRow {
    /// The household's size, from 1 up, one row per size.
    pub household_size: u32,
    /// Gross monthly income up to which the full value is given.
    pub income_limit: Cents,
    /// The share of the income above the limit that reduces the value, in hundredths of a
    /// percent (3500 = 35 %).
    pub reduction_basis_points: u32,
}

/// An organiser's table for one service's income-related voucher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomeTable {
    /// The full value per unit, for incomes up to the limit.
    pub full_value: Cents,
    /// The least value per unit, whatever the income.
    pub minimum_value: Cents,
    /// The rows, household sizes 1, 2, … in order.
    pub rows: Vec<IncomeRow>,
    /// For a household larger than the last row: how much higher the limit is per person…
    pub limit_step: Cents,
    /// …and how many basis points lower the percentage.
    pub reduction_step_basis_points: u32,
    /// The units a month the reduction is spread over (60 hours in the ministry's model).
    pub units_per_month: u32,
    /// The value is rounded up to a multiple of this (1, 5 or 10 cents).
    pub rounding: Cents,
}

impl IncomeError {
    /// The request field (of `IncomeTableView`) the error is about, as an `ApiError`
    /// names it.
    pub fn field(self) -> &'static str {
        match self {
            IncomeError::RowsOutOfOrder
            | IncomeError::RowsNotMonotone
            | IncomeError::ReductionOver100 => "rows",
            IncomeError::MinimumAboveFull => "minimum_value_cents",
            IncomeError::NoUnitsPerMonth => "units_per_month",
            IncomeError::NoRounding => "rounding_cents",
            IncomeError::NoHousehold => "household",
        }
    }
}

/// A percentage as a person types it (`35`, `35,5`, `35.25`, `35 %`) in basis points
/// (hundredths of a percent); `None` unless it is a number from 0 to 100 with at most two
/// decimals.
pub fn parse_percent(input: &str) -> Option<u32> {
    let s = input.trim().trim_end_matches('%').trim();
    let (whole, frac) = s.split_once([',', '.']).unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    // Digits only: `u32::from_str` would take a `+`. An empty whole part does not parse.
    if whole.len() > 3 || frac.len() > 2 || !digits(whole) || !digits(frac) {
        return None;
    }
    let whole: u32 = whole.parse().ok()?;
    let frac: u32 = match frac.len() {
        0 => 0,
        1 => frac.parse::<u32>().ok()? * 10,
        _ => frac.parse().ok()?,
    };
    let points = whole * 100 + frac;
    (points <= WHOLE_BASIS_POINTS).then_some(points)
}

/// Basis points as a person types a percentage, in `lang`'s decimal sign: `3500` is `35`,
/// `3550` is `35,5` (`35.5` in English); what [`parse_percent`] reads back.
pub fn percent_input(points: u32, lang: crate::Lang) -> String {
    let (whole, frac) = (points / 100, points % 100);
    let sign = match lang {
        crate::Lang::En => '.',
        crate::Lang::Fi | crate::Lang::Sv => ',',
    };
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}{sign}{}", f / 10),
        f => format!("{whole}{sign}{f:02}"),
    }
}

/// Who the voucher is for, as the decision records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Household {
    /// People in the household, at least 1.
    pub size: u32,
    pub gross_monthly_income: Cents,
}

/// What is wrong with a table or a household; each names the field to correct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncomeError {
    /// The table has no rows, or its sizes do not run 1, 2, 3, … in order.
    RowsOutOfOrder,
    /// A larger household has a lower limit or a higher percentage than a smaller one.
    RowsNotMonotone,
    /// A percentage above 100 %.
    ReductionOver100,
    /// The minimum value is above the full value.
    MinimumAboveFull,
    /// No units a month to spread the reduction over.
    NoUnitsPerMonth,
    /// A rounding step of zero.
    NoRounding,
    /// A household of fewer than one person.
    NoHousehold,
}

/// How a voucher's value was reached, step by step, for the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Computation {
    /// The limit for the household's size.
    pub income_limit: Cents,
    /// The percentage for the household's size, in basis points.
    pub reduction_basis_points: u32,
    /// Income above the limit (zero when under it).
    pub excess_income: Cents,
    /// What the excess takes off the full value per unit.
    pub reduction: Cents,
    /// The value per unit: the full value less the reduction, rounded up, not below the
    /// minimum.
    pub value: Cents,
    /// Whether the minimum applied.
    pub at_minimum: bool,
}

const WHOLE_BASIS_POINTS: u32 = 10_000;

impl IncomeTable {
    /// Checks the table as staff edit it: rows for sizes 1, 2, … with limits that do not
    /// fall and percentages that do not rise as the household grows, percentages at most
    /// 100 %, a minimum not above the full value, and non-zero units and rounding.
    pub fn check(&self) -> Result<(), IncomeError> {
        let in_order = !self.rows.is_empty()
            && self
                .rows
                .iter()
                .zip(1u32..)
                .all(|(row, size)| row.household_size == size);
        if !in_order {
            return Err(IncomeError::RowsOutOfOrder);
        }
        if self
            .rows
            .iter()
            .any(|row| row.reduction_basis_points > WHOLE_BASIS_POINTS)
        {
            return Err(IncomeError::ReductionOver100);
        }
        let monotone = self.rows.windows(2).all(|pair| {
            pair[1].income_limit >= pair[0].income_limit
                && pair[1].reduction_basis_points <= pair[0].reduction_basis_points
        });
        if !monotone {
            return Err(IncomeError::RowsNotMonotone);
        }
        if self.minimum_value > self.full_value {
            return Err(IncomeError::MinimumAboveFull);
        }
        if self.units_per_month == 0 {
            return Err(IncomeError::NoUnitsPerMonth);
        }
        if self.rounding == Cents::ZERO {
            return Err(IncomeError::NoRounding);
        }
        Ok(())
    }

    /// The limit and percentage for a household of `size` (at least 1): its row, or beyond
    /// the last row the last one's, raised and lowered by a step per extra person.
    fn row_for(&self, size: u32) -> Option<(i64, u32)> {
        let last = self.rows.last()?;
        let index = usize::try_from(size.checked_sub(1)?).ok()?;
        if let Some(row) = self.rows.get(index) {
            return Some((row.income_limit.get(), row.reduction_basis_points));
        }
        let extra = size - last.household_size;
        let limit = last
            .income_limit
            .get()
            .saturating_add(self.limit_step.get().saturating_mul(i64::from(extra)));
        let percent = last
            .reduction_basis_points
            .saturating_sub(self.reduction_step_basis_points.saturating_mul(extra));
        Some((limit, percent))
    }
}

/// The value per unit of `household`'s voucher under `table`.
pub fn income_related_value(
    table: &IncomeTable,
    household: Household,
) -> Result<Computation, IncomeError> {
    table.check()?;
    if household.size == 0 {
        return Err(IncomeError::NoHousehold);
    }
    let (limit, basis_points) = table
        .row_for(household.size)
        .ok_or(IncomeError::RowsOutOfOrder)?;
    let excess = (household.gross_monthly_income.get() - limit).max(0);
    // i128: an excess of up to Cents::MAX times 10 000 basis points stays exact.
    let divisor = i128::from(WHOLE_BASIS_POINTS) * i128::from(table.units_per_month);
    let reduction = i128::from(excess) * i128::from(basis_points) / divisor;
    let reduction = i64::try_from(reduction).unwrap_or(i64::MAX);
    let full = table.full_value.get();
    let minimum = table.minimum_value.get();
    let step = table.rounding.get();
    let reduced = full.saturating_sub(reduction).max(0);
    // Up to the step, but never above the full value (a full value off the step stays as
    // it is).
    let rounded = (reduced.saturating_add(step - 1) / step * step).min(full);
    let value = rounded.max(minimum);
    let cents = |c: i64| Cents::new(c).unwrap_or(Cents::ZERO);
    Ok(Computation {
        income_limit: cents(limit),
        reduction_basis_points: basis_points,
        excess_income: cents(excess),
        reduction: cents(reduction.min(Cents::MAX)),
        value: cents(value),
        at_minimum: rounded < minimum,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn cents(c: i64) -> Cents {
        Cents::new(c).unwrap()
    }

    /// The ministry's 2014–2015 home-care table (limits in euros a month, percentages).
    fn ministry_table(full: i64, rounding: i64) -> IncomeTable {
        let rows = [
            (563, 35),
            (1039, 22),
            (1628, 18),
            (2014, 15),
            (2438, 13),
            (2799, 11),
        ];
        IncomeTable {
            full_value: cents(full),
            minimum_value: cents(700),
            rows: rows
                .iter()
                .zip(1..)
                .map(|(&(limit, percent), size)| IncomeRow {
                    household_size: size,
                    income_limit: cents(limit * 100),
                    reduction_basis_points: percent * 100,
                })
                .collect(),
            limit_step: cents(34_200),
            reduction_step_basis_points: 100,
            units_per_month: 60,
            rounding: cents(rounding),
        }
    }

    fn value(table: &IncomeTable, size: u32, income: i64) -> Computation {
        income_related_value(
            table,
            Household {
                size,
                gross_monthly_income: cents(income),
            },
        )
        .unwrap()
    }

    #[test]
    fn percentages_are_read_as_people_type_them() {
        assert_eq!(parse_percent("35"), Some(3500));
        assert_eq!(parse_percent(" 35,5 "), Some(3550));
        assert_eq!(parse_percent("35.25 %"), Some(3525));
        assert_eq!(parse_percent("0"), Some(0));
        assert_eq!(parse_percent("100"), Some(10_000));
        assert_eq!(parse_percent("100,01"), None);
        assert_eq!(parse_percent("-5"), None);
        assert_eq!(parse_percent("35,555"), None);
        for bad in ["+5", "5,+1", ",5", "", "%", "1000"] {
            assert_eq!(parse_percent(bad), None, "{bad:?}");
        }
        assert_eq!(parse_percent(""), None);
        assert_eq!(parse_percent(",5"), None);
    }

    #[test]
    fn a_percentage_is_shown_as_it_is_typed_back() {
        use crate::Lang;
        assert_eq!(percent_input(3500, Lang::Fi), "35");
        assert_eq!(percent_input(3550, Lang::Sv), "35,5");
        assert_eq!(percent_input(3505, Lang::En), "35.05");
        for points in [0, 1, 99, 100, 1234, 3550, 10_000] {
            assert_eq!(
                parse_percent(&percent_input(points, Lang::Fi)),
                Some(points)
            );
        }
    }

    #[test]
    fn the_ministry_s_example_comes_out_as_it_says() {
        // 25 € − (900 € − 528 €) × 35 % / 60 = 22.83 € (that example's limit was 528 €).
        let mut table = ministry_table(2500, 1);
        table.rows[0].income_limit = cents(52_800);

        let computed = value(&table, 1, 90_000);

        assert_eq!(computed.excess_income, cents(37_200));
        assert_eq!(computed.reduction, cents(217));
        assert_eq!(computed.value, cents(2283));
        assert!(!computed.at_minimum);
    }

    #[test]
    fn income_up_to_the_limit_gets_the_full_value() {
        let table = ministry_table(2700, 1);
        assert_eq!(value(&table, 1, 56_300).value, cents(2700));
        assert_eq!(value(&table, 2, 0).value, cents(2700));
        assert_eq!(value(&table, 1, 56_300).excess_income, Cents::ZERO);
    }

    #[test]
    fn a_high_income_gets_the_minimum_and_says_so() {
        let computed = value(&ministry_table(2700, 1), 1, 1_000_000);
        assert_eq!(computed.value, cents(700));
        assert!(computed.at_minimum);
    }

    #[test]
    fn a_value_that_lands_on_the_minimum_is_not_held_up_by_it() {
        // 60 % over 60 h: 2 000 € over the limit takes exactly 20 € off 27 €.
        let mut table = ministry_table(2700, 1);
        table.rows[0].reduction_basis_points = 6000;
        let computed = value(&table, 1, 56_300 + 200_000);
        assert_eq!(computed.value, cents(700));
        assert!(!computed.at_minimum);
        assert!(value(&table, 1, 56_300 + 200_100).at_minimum);
    }

    #[test]
    fn the_reduction_rounds_down_and_the_value_up_for_the_customer() {
        // 1 € over the limit at 35 % over 60 h: 0.58… cents off, rounded to 0.
        let table = ministry_table(2700, 1);
        assert_eq!(value(&table, 1, 56_400).reduction, Cents::ZERO);
        // 100 € over: 58.33 cents off → 58; 27.00 − 0.58 = 26.42, up to 26.45 on a 5-cent step.
        let computed = value(&ministry_table(2700, 5), 1, 66_300);
        assert_eq!(computed.reduction, cents(58));
        assert_eq!(computed.value, cents(2645));
        assert_eq!(
            value(&ministry_table(2700, 10), 1, 66_300).value,
            cents(2650)
        );
    }

    #[test]
    fn a_household_beyond_the_table_raises_the_limit_and_lowers_the_percentage() {
        let table = ministry_table(2700, 1);
        let computed = value(&table, 8, 0);
        assert_eq!(computed.income_limit, cents(279_900 + 2 * 34_200));
        assert_eq!(computed.reduction_basis_points, 900);
        // Far beyond, the percentage stops at zero.
        assert_eq!(value(&table, 40, 100_000_000).reduction_basis_points, 0);
        assert_eq!(value(&table, 40, 100_000_000).value, cents(2700));
    }

    #[test]
    fn bad_tables_and_households_are_refused_naming_what_to_fix() {
        let good = ministry_table(2700, 1);
        let household = Household {
            size: 1,
            gross_monthly_income: Cents::ZERO,
        };
        let refused = |change: fn(&mut IncomeTable)| {
            let mut table = good.clone();
            change(&mut table);
            income_related_value(&table, household).unwrap_err()
        };
        assert_eq!(refused(|t| t.rows.clear()), IncomeError::RowsOutOfOrder);
        assert_eq!(refused(|t| t.rows.swap(0, 1)), IncomeError::RowsOutOfOrder);
        assert_eq!(
            refused(|t| t.rows[1].income_limit = cents(100)),
            IncomeError::RowsNotMonotone
        );
        assert_eq!(
            refused(|t| t.rows[1].reduction_basis_points = 3600),
            IncomeError::RowsNotMonotone
        );
        assert_eq!(
            refused(|t| t.rows[0].reduction_basis_points = 10_001),
            IncomeError::ReductionOver100
        );
        assert_eq!(
            refused(|t| t.minimum_value = cents(2701)),
            IncomeError::MinimumAboveFull
        );
        assert_eq!(
            refused(|t| t.units_per_month = 0),
            IncomeError::NoUnitsPerMonth
        );
        assert_eq!(
            refused(|t| t.rounding = Cents::ZERO),
            IncomeError::NoRounding
        );
        assert_eq!(
            income_related_value(
                &good,
                Household {
                    size: 0,
                    ..household
                }
            )
            .unwrap_err(),
            IncomeError::NoHousehold
        );
        // Equal neighbours are allowed; 100 % is.
        let mut flat = good.clone();
        flat.rows[1].income_limit = flat.rows[0].income_limit;
        flat.rows[0].reduction_basis_points = 10_000;
        flat.rows[1].reduction_basis_points = 10_000;
        assert!(flat.check().is_ok());
    }

    fn any_table() -> impl Strategy<Value = IncomeTable> {
        (
            1i64..=10_000,
            0i64..=10_000,
            proptest::collection::vec((0i64..=200_000, 0u32..=5_000), 1..8),
            0i64..=100_000,
            0u32..=500,
            1u32..=200,
            prop_oneof![Just(1i64), Just(5), Just(10)],
        )
            .prop_map(
                |(full, minimum, steps, limit_step, pct_step, units, rounding)| {
                    // Rows built as running sums: limits rise, percentages fall.
                    let mut limit = 0i64;
                    let mut percent = 10_000u32;
                    let rows = steps
                        .iter()
                        .zip(1..)
                        .map(|(&(up, down), size)| {
                            limit += up;
                            percent = percent.saturating_sub(down);
                            IncomeRow {
                                household_size: size,
                                income_limit: cents(limit),
                                reduction_basis_points: percent,
                            }
                        })
                        .collect();
                    IncomeTable {
                        full_value: cents(full),
                        minimum_value: cents(minimum.min(full)),
                        rows,
                        limit_step: cents(limit_step),
                        reduction_step_basis_points: pct_step,
                        units_per_month: units,
                        rounding: cents(rounding),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn the_value_stays_between_the_minimum_and_the_full_value(
            table in any_table(), size in 1u32..20, income in 0i64..=Cents::MAX,
        ) {
            let computed = value(&table, size, income);
            prop_assert!(computed.value >= table.minimum_value);
            prop_assert!(computed.value <= table.full_value);
            prop_assert!(computed.value.get() >= 0);
        }

        #[test]
        fn more_income_never_raises_the_value(
            table in any_table(), size in 1u32..20, a in 0i64..=Cents::MAX, b in 0i64..=Cents::MAX,
        ) {
            let (low, high) = (a.min(b), a.max(b));
            prop_assert!(value(&table, size, high).value <= value(&table, size, low).value);
        }

        #[test]
        fn a_larger_household_never_lowers_the_value(
            table in any_table(), size in 1u32..20, income in 0i64..=10_000_000,
        ) {
            prop_assert!(value(&table, size + 1, income).value >= value(&table, size, income).value);
        }
    }

    #[test]
    fn each_table_error_names_the_field_to_correct() {
        assert_eq!(IncomeError::RowsOutOfOrder.field(), "rows");
        assert_eq!(IncomeError::RowsNotMonotone.field(), "rows");
        assert_eq!(IncomeError::ReductionOver100.field(), "rows");
        assert_eq!(IncomeError::MinimumAboveFull.field(), "minimum_value_cents");
        assert_eq!(IncomeError::NoUnitsPerMonth.field(), "units_per_month");
        assert_eq!(IncomeError::NoRounding.field(), "rounding_cents");
        assert_eq!(IncomeError::NoHousehold.field(), "household");
    }
}
