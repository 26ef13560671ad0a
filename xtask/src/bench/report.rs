//! The benchmark's figures: each with the floor it is compared with (measured in the same
//! run), their ratio and the target from issue #11, printed as one table and written as JSON.

use serde_json::{json, Value};
use std::fmt::Write;

/// What a figure should be, on this machine, to meet issue #11's targets.
#[derive(Clone, Copy)]
pub enum Target {
    /// The value is at most this (in the figure's unit).
    AtMost(f64),
    /// The value is at least this.
    AtLeast(f64),
    /// The ratio to the floor is at most this.
    RatioAtMost(f64),
    /// The ratio to the floor is at least this.
    RatioAtLeast(f64),
}

/// How a figure's value and floor are shown.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Bytes, shown in KB (1000 bytes).
    Bytes,
    Millis,
    /// Requests a second.
    PerSecond,
    /// A Lighthouse score, 0–100.
    Score,
}

impl Unit {
    fn show(self, v: f64) -> String {
        match self {
            Unit::Bytes => format!("{:.1} KB", v / 1000.0),
            Unit::Millis if v == 0.0 => "0 ms".to_owned(),
            Unit::Millis if v < 1.0 => format!("{v:.3} ms"),
            Unit::Millis if v < 10.0 => format!("{v:.2} ms"),
            Unit::Millis => format!("{v:.0} ms"),
            Unit::PerSecond => format!("{v:.0}/s"),
            Unit::Score => format!("{v:.0}"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Unit::Bytes => "bytes",
            Unit::Millis => "ms",
            Unit::PerSecond => "requests/s",
            Unit::Score => "score",
        }
    }
}

/// One measured figure.
pub struct Row {
    pub part: &'static str,
    pub figure: String,
    pub value: f64,
    pub unit: Unit,
    /// The same measurement of the floor (the static page, the constant worker, 1× data).
    pub floor: Option<f64>,
    pub target: Option<Target>,
}

impl Row {
    pub fn new(part: &'static str, figure: impl Into<String>, value: f64, unit: Unit) -> Self {
        Row {
            part,
            figure: figure.into(),
            value,
            unit,
            floor: None,
            target: None,
        }
    }

    pub fn floor(mut self, floor: f64) -> Self {
        self.floor = Some(floor);
        self
    }

    pub fn target(mut self, target: Target) -> Self {
        self.target = Some(target);
        self
    }

    fn ratio(&self) -> Option<f64> {
        self.floor.filter(|f| *f > 0.0).map(|f| self.value / f)
    }

    fn met(&self) -> Option<bool> {
        Some(match self.target? {
            Target::AtMost(t) => self.value <= t,
            Target::AtLeast(t) => self.value >= t,
            Target::RatioAtMost(t) => self.ratio()? <= t,
            Target::RatioAtLeast(t) => self.ratio()? >= t,
        })
    }

    fn target_text(&self) -> String {
        match self.target {
            None => String::new(),
            Some(Target::AtMost(t)) => format!("≤ {}", self.unit.show(t)),
            Some(Target::AtLeast(t)) => format!("≥ {}", self.unit.show(t)),
            Some(Target::RatioAtMost(t)) => format!("ratio ≤ {}", ratio_text(t)),
            Some(Target::RatioAtLeast(t)) => format!("ratio ≥ {}", ratio_text(t)),
        }
    }
}

fn ratio_text(r: f64) -> String {
    if r < 1.0 {
        format!("{:.1} %", r * 100.0)
    } else {
        format!("{r:.2}×")
    }
}

/// Everything one run measured, and the parts that could not be measured.
#[derive(Default)]
pub struct Report {
    pub rows: Vec<Row>,
    /// Raw figures per part (every Lighthouse run, every load run), for the JSON.
    pub details: Vec<(&'static str, Value)>,
    pub failed: Vec<(&'static str, String)>,
}

impl Report {
    pub fn push(&mut self, row: Row) {
        self.rows.push(row);
    }

    /// The table: figure, value, floor, ratio, target, met.
    pub fn table(&self) -> String {
        let cells: Vec<[String; 6]> = self
            .rows
            .iter()
            .map(|r| {
                [
                    format!("{:<11}{}", r.part, r.figure),
                    r.unit.show(r.value),
                    r.floor.map(|f| r.unit.show(f)).unwrap_or_default(),
                    r.ratio().map(ratio_text).unwrap_or_default(),
                    r.target_text(),
                    match r.met() {
                        Some(true) => "met".to_owned(),
                        Some(false) => "NOT MET".to_owned(),
                        None => String::new(),
                    },
                ]
            })
            .collect();
        let head = ["figure", "value", "floor", "ratio", "target", ""];
        let width = |i: usize| {
            cells
                .iter()
                .map(|c| c[i].chars().count())
                .chain([head[i].len()])
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..6).map(width).collect();
        let mut out = String::new();
        let line = |out: &mut String, c: &[String]| {
            let mut l = String::new();
            for (i, cell) in c.iter().enumerate() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                // Text left, numbers right.
                if i == 0 || i >= 4 {
                    let _ = write!(l, "{cell}{}  ", " ".repeat(pad));
                } else {
                    let _ = write!(l, "{}{cell}  ", " ".repeat(pad));
                }
            }
            let _ = writeln!(out, "{}", l.trim_end());
        };
        line(&mut out, &head.map(str::to_owned));
        for c in &cells {
            line(&mut out, c);
        }
        for (part, e) in &self.failed {
            let _ = writeln!(out, "{part}: not measured: {e}");
        }
        out
    }

    pub fn json(&self) -> Value {
        let rows: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                json!({
                    "part": r.part,
                    "figure": r.figure,
                    "unit": r.unit.name(),
                    "value": r.value,
                    "floor": r.floor,
                    "ratio": r.ratio(),
                    "target": r.target_text(),
                    "met": r.met(),
                })
            })
            .collect();
        let details: serde_json::Map<String, Value> = self
            .details
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        let failed: serde_json::Map<String, Value> = self
            .failed
            .iter()
            .map(|(k, v)| ((*k).to_owned(), Value::from(v.as_str())))
            .collect();
        json!({ "rows": rows, "details": details, "failed": failed })
    }
}
