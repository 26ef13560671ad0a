//! Renders a paper letter as a PDF, in pure Rust, for native and `wasm32-unknown-unknown`.
//!
//! The letter is what Suomi.fi Messages prints and posts to a person who has no electronic
//! mailbox. The service adds the address page itself (`createAddressPage: true`), so the
//! letter has no address window: the sender's block is top left, the date top right, then
//! the title and the body, which flows onto further pages, numbered "1/2" when there is
//! more than one.
//!
//! The output is PDF/A-2a: tagged (a heading, paragraphs, footer and page numbers as
//! artifacts), with the document's language, title and creation date, and both fonts
//! (subsets of DejaVu Sans, see `fonts/README.md`) embedded. Nothing here reads a clock or
//! a file, spawns a thread or calls into JavaScript.

use std::num::NonZeroU16;

use krilla::color::rgb;
use krilla::configure::{Archival, ConfigurationBuilder, Validator};
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, SpanTag, Tag, TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::{Document, SerializeSettings};

/// One letter, as borrowed text. Every field may hold any text: characters the embedded
/// fonts lack are printed as "?", control characters are dropped, and a `'\n'` inside a
/// paragraph starts a new line.
#[derive(Debug, Clone, Copy)]
pub struct Letter<'a> {
    /// The organiser's name, printed in bold top left, e.g. "Porvoon kaupunki".
    pub sender: &'a str,
    /// The sender's postal address lines, printed under [`Letter::sender`].
    pub sender_lines: &'a [&'a str],
    /// The letter's date as it should be printed (top right), e.g. "30.11.2026".
    pub date: &'a str,
    /// The PDF's creation date in its metadata, which PDF/A requires. It is given, not
    /// read from a clock, as a Worker has none without JavaScript.
    pub created: time::OffsetDateTime,
    /// The heading, in bold; also the document's title in its metadata.
    pub title: &'a str,
    /// The body, one string a paragraph; blank ones are skipped.
    pub paragraphs: &'a [&'a str],
    /// A small line at the bottom of every page, e.g.
    /// "Tämä kirje on lähetetty Suomi.fi-viestien kautta."
    pub footer: Option<&'a str>,
    /// The document's language as an RFC 3066 tag: "fi", "sv", "en", "sv-FI".
    pub lang: &'a str,
}

/// Why a letter could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// [`Letter::lang`] is not a language tag such as "fi" or "sv-FI".
    #[error("{0:?} is not a language tag such as \"fi\" or \"sv-FI\"")]
    InvalidLanguage(String),
    /// The PDF writer refused the document (a bug here, not in the letter's text).
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// Renders `letter` as a PDF/A-2a document on A4 pages and returns its bytes.
///
/// Never panics, whatever the text: long words are broken where the line ends, and a
/// long body flows onto as many pages as it needs.
pub fn render(letter: &Letter) -> Result<Vec<u8>, LetterError> {
    if !is_language_tag(letter.lang) {
        return Err(LetterError::InvalidLanguage(letter.lang.to_owned()));
    }
    let regular = Face::new(REGULAR_TTF)?;
    let bold = Face::new(BOLD_TTF)?;
    let pages = layout(letter, &regular, &bold);
    write_pdf(letter, &pages, &regular, &bold)
}

const REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
const PAGE_WIDTH: f32 = 210.0 * MM;
const PAGE_HEIGHT: f32 = 297.0 * MM;
const MARGIN_LEFT: f32 = 25.0 * MM;
const MARGIN_RIGHT: f32 = 20.0 * MM;
const MARGIN_TOP: f32 = 20.0 * MM;
const MARGIN_BOTTOM: f32 = 20.0 * MM;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

const SENDER_SIZE: f32 = 10.0;
const SENDER_LEADING: f32 = 14.0;
const TITLE_SIZE: f32 = 14.0;
const TITLE_LEADING: f32 = 18.0;
const BODY_SIZE: f32 = 11.0;
const BODY_LEADING: f32 = 15.0;
const PARAGRAPH_GAP: f32 = 7.5;
const FOOTER_SIZE: f32 = 8.0;
const FOOTER_LEADING: f32 = 11.0;
const PAGE_NUMBER_SIZE: f32 = 9.0;
/// Room kept beside the footer for the page number.
const PAGE_NUMBER_WIDTH: f32 = 20.0 * MM;
/// The sender's column and the date's, side by side at the top of the first page.
const SENDER_WIDTH: f32 = CONTENT_WIDTH * 0.6;
const DATE_WIDTH: f32 = CONTENT_WIDTH * 0.35;
/// At most this many characters of the title go into the metadata (a PDF/A string is
/// limited to 32767 bytes).
const MAX_METADATA_TITLE: usize = 1000;

/// A font both for measuring (rustybuzz) and for drawing (krilla).
struct Face {
    shaper: rustybuzz::Face<'static>,
    pdf: Font,
    /// Ascender as a fraction of the em.
    ascent: f32,
    /// Ascender minus descender as a fraction of the em.
    height: f32,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Result<Self, LetterError> {
        let shaper = rustybuzz::Face::from_slice(data, 0)
            .ok_or_else(|| LetterError::Pdf("an embedded font does not parse".into()))?;
        let pdf = Font::new(data.into(), 0)
            .ok_or_else(|| LetterError::Pdf("an embedded font does not load".into()))?;
        let units_per_em = shaper.units_per_em().max(1) as f32;
        let ascent = f32::from(shaper.ascender()) / units_per_em;
        let descent = f32::from(shaper.descender()) / units_per_em;
        Ok(Self {
            shaper,
            pdf,
            ascent,
            height: ascent - descent,
            units_per_em,
        })
    }

    /// Shapes one run of text that has already been through [`clean`]. Glyph advances and
    /// offsets are in ems; text ranges are byte ranges of `text`.
    fn shape(&self, text: &str) -> Run {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.set_direction(rustybuzz::Direction::LeftToRight);
        buffer.guess_segment_properties();
        let output = rustybuzz::shape(&self.shaper, &[], buffer);
        let infos = output.glyph_infos();
        let positions = output.glyph_positions();
        let mut glyphs = Vec::with_capacity(infos.len());
        let mut width = 0.0;
        for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
            let start = (info.cluster as usize).min(text.len());
            // The cluster ends where the next different one starts (LTR: clusters ascend).
            let end = infos[i + 1..]
                .iter()
                .map(|next| next.cluster as usize)
                .find(|&c| c > start)
                .unwrap_or(text.len())
                .min(text.len());
            let advance = pos.x_advance as f32 / self.units_per_em;
            width += advance;
            glyphs.push(KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                advance,
                pos.x_offset as f32 / self.units_per_em,
                pos.y_offset as f32 / self.units_per_em,
                pos.y_advance as f32 / self.units_per_em,
                start..end,
                None,
            ));
        }
        Run {
            text: text.to_owned(),
            glyphs,
            width,
        }
    }

    /// Baseline of a line whose box starts at `top` and is `leading` high.
    fn baseline(&self, top: f32, size: f32, leading: f32) -> f32 {
        top + (leading - self.height * size) / 2.0 + self.ascent * size
    }
}

/// Shaped text: glyphs with ems for advances and byte ranges into `text`.
#[derive(Clone)]
struct Run {
    text: String,
    glyphs: Vec<KrillaGlyph>,
    /// Total advance in ems.
    width: f32,
}

impl Run {
    fn empty() -> Self {
        Run {
            text: String::new(),
            glyphs: Vec::new(),
            width: 0.0,
        }
    }

    /// Appends `other`, shifting its glyphs' text ranges.
    fn push(&mut self, other: &Run) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        self.glyphs.extend(other.glyphs.iter().map(|g| {
            let mut g = g.clone();
            g.text_range = g.text_range.start + shift..g.text_range.end + shift;
            g
        }));
        self.width += other.width;
    }

    /// Splits a run wider than `max` ems into pieces no wider than it (at least one
    /// cluster each), cutting only between clusters.
    fn split(&self, max: f32) -> Vec<Run> {
        let mut pieces = Vec::new();
        let mut piece_start = 0; // glyph index
        let mut width = 0.0;
        let mut i = 0;
        while i < self.glyphs.len() {
            // One cluster: all glyphs sharing a text range start.
            let start = self.glyphs[i].text_range.start;
            let mut j = i;
            let mut cluster_width = 0.0;
            while j < self.glyphs.len() && self.glyphs[j].text_range.start == start {
                cluster_width += self.glyphs[j].x_advance;
                j += 1;
            }
            if j > i && i > piece_start && width + cluster_width > max {
                pieces.push(self.slice(piece_start, i, width));
                piece_start = i;
                width = 0.0;
            }
            width += cluster_width;
            i = j.max(i + 1);
        }
        if piece_start < self.glyphs.len() {
            pieces.push(self.slice(piece_start, self.glyphs.len(), width));
        }
        pieces
    }

    fn slice(&self, from: usize, to: usize, width: f32) -> Run {
        let glyphs = &self.glyphs[from..to];
        let start = glyphs.first().map_or(0, |g| g.text_range.start);
        let end = glyphs
            .iter()
            .map(|g| g.text_range.end)
            .max()
            .unwrap_or(start)
            .max(start);
        Run {
            text: self.text.get(start..end).unwrap_or_default().to_owned(),
            glyphs: glyphs
                .iter()
                .map(|g| {
                    let mut g = g.clone();
                    g.text_range = g.text_range.start.saturating_sub(start)
                        ..g.text_range.end.saturating_sub(start);
                    g
                })
                .collect(),
            width,
        }
    }
}

/// Makes text printable with `face`: drops control and invisible formatting characters,
/// turns other white space into plain spaces (no-break spaces stay), and replaces
/// characters the font lacks with "?". A `'\n'` is kept when `newlines` is set.
fn clean(text: &str, face: &Face, newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' if newlines => out.push('\n'),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push('\u{a0}'),
            // Soft hyphen, zero-width space/joiners, word joiner, BOM: invisible.
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}' | '\u{feff}' => {}
            c if c.is_whitespace() => out.push(' '),
            c if c.is_control() => {}
            c if face.shaper.glyph_index(c).is_some() => out.push(c),
            _ => out.push('?'),
        }
    }
    out
}

/// Breaks cleaned text into lines no wider than `max_width` points at `size`; a `'\n'`
/// forces a break. A line broken at a space ends with that space, so that the words
/// stay apart in the text a reader or screen reader extracts.
fn wrap(text: &str, face: &Face, size: f32, max_width: f32) -> Vec<Run> {
    let max = max_width / size;
    let space = face.shape(" ");
    let mut lines = Vec::new();
    for hard_line in text.split('\n') {
        let mut line = Run::empty();
        let mut line_has_word = false;
        for word in hard_line.split(' ').filter(|w| !w.is_empty()) {
            let word = face.shape(word);
            if line_has_word && line.width + space.width + word.width <= max {
                line.push(&space);
                line.push(&word);
                continue;
            }
            if line_has_word {
                line.push(&space);
                lines.push(std::mem::replace(&mut line, Run::empty()));
            }
            let mut pieces = if word.width > max {
                word.split(max)
            } else {
                vec![word]
            };
            let last = pieces.pop().unwrap_or_else(Run::empty);
            lines.extend(pieces);
            line = last;
            line_has_word = true;
        }
        lines.push(line);
    }
    lines
}

/// Which of the two fonts a line uses.
#[derive(Clone, Copy, PartialEq)]
enum Weight {
    Regular,
    Bold,
}

/// What a drawn line is in the document's structure.
#[derive(Clone, Copy)]
enum Role {
    /// Part of the structure element with this index in [`Pages::groups`].
    Content(usize),
    /// Not part of the structure (repeated footer, page number).
    Artifact(ArtifactType),
}

/// One line of text at its place on a page.
struct Placed {
    run: Run,
    weight: Weight,
    size: f32,
    x: f32,
    baseline: f32,
    role: Role,
}

/// The laid-out letter: lines for each page, and the structure elements they belong to.
struct Pages {
    pages: Vec<Vec<Placed>>,
    groups: Vec<TagKind>,
}

impl Pages {
    fn place(&mut self, page: usize, line: Placed) {
        while self.pages.len() <= page {
            self.pages.push(Vec::new());
        }
        if let Some(lines) = self.pages.get_mut(page) {
            lines.push(line);
        }
    }

    fn group(&mut self, kind: impl Into<TagKind>) -> usize {
        self.groups.push(kind.into());
        self.groups.len() - 1
    }
}

/// The vertical position where the next line goes.
#[derive(Clone, Copy)]
struct Cursor {
    page: usize,
    top: f32,
}

impl Cursor {
    /// Where a line `leading` high goes: here, or at the top of the next page when it
    /// would cross `bottom` (a line at the top of a page always stays).
    fn next(&mut self, leading: f32, bottom: f32) -> Cursor {
        if self.top + leading > bottom && self.top > MARGIN_TOP {
            self.page += 1;
            self.top = MARGIN_TOP;
        }
        let here = *self;
        self.top += leading;
        here
    }

    fn later(self, other: Cursor) -> Cursor {
        if (other.page, other.top) > (self.page, self.top) {
            other
        } else {
            self
        }
    }
}

struct Block<'a> {
    text: &'a str,
    weight: Weight,
    size: f32,
    leading: f32,
    left: f32,
    width: f32,
    right_aligned: bool,
    group: usize,
}

fn layout(letter: &Letter, regular: &Face, bold: &Face) -> Pages {
    let face = |weight| {
        if weight == Weight::Bold {
            bold
        } else {
            regular
        }
    };
    let mut pages = Pages {
        pages: vec![Vec::new()],
        groups: Vec::new(),
    };

    // The footer, wrapped once, fixes how low the body may go on every page.
    let footer_lines = letter
        .footer
        .map(|f| {
            let text = clean(f, regular, true);
            wrap(
                &text,
                regular,
                FOOTER_SIZE,
                CONTENT_WIDTH - PAGE_NUMBER_WIDTH,
            )
        })
        .unwrap_or_default();
    let footer_height = (footer_lines.len().max(1) as f32) * FOOTER_LEADING;
    let bottom = PAGE_HEIGHT - MARGIN_BOTTOM - footer_height - BODY_LEADING;

    let flow = |pages: &mut Pages, cursor: &mut Cursor, block: Block| {
        let f = face(block.weight);
        let text = clean(block.text, f, true);
        for run in wrap(&text, f, block.size, block.width) {
            let at = cursor.next(block.leading, bottom);
            let width = run.width * block.size;
            let x = if block.right_aligned {
                block.left + block.width - width
            } else {
                block.left
            };
            if !run.glyphs.is_empty() {
                pages.place(
                    at.page,
                    Placed {
                        run,
                        weight: block.weight,
                        size: block.size,
                        x,
                        baseline: f.baseline(at.top, block.size, block.leading),
                        role: Role::Content(block.group),
                    },
                );
            }
        }
    };

    let start = Cursor {
        page: 0,
        top: MARGIN_TOP,
    };

    // Sender's block, top left.
    let mut sender = start;
    if !letter.sender.trim().is_empty() {
        let group = pages.group(Tag::P);
        let block = Block {
            text: letter.sender,
            weight: Weight::Bold,
            size: SENDER_SIZE,
            leading: SENDER_LEADING,
            left: MARGIN_LEFT,
            width: SENDER_WIDTH,
            right_aligned: false,
            group,
        };
        flow(&mut pages, &mut sender, block);
    }
    for line in letter.sender_lines.iter().filter(|l| !l.trim().is_empty()) {
        let group = pages.group(Tag::P);
        let block = Block {
            text: line,
            weight: Weight::Regular,
            size: SENDER_SIZE,
            leading: SENDER_LEADING,
            left: MARGIN_LEFT,
            width: SENDER_WIDTH,
            right_aligned: false,
            group,
        };
        flow(&mut pages, &mut sender, block);
    }

    // Date, top right, level with the sender's name.
    let mut date = start;
    if !letter.date.trim().is_empty() {
        let group = pages.group(Tag::P);
        let block = Block {
            text: letter.date,
            weight: Weight::Regular,
            size: SENDER_SIZE,
            leading: SENDER_LEADING,
            left: PAGE_WIDTH - MARGIN_RIGHT - DATE_WIDTH,
            width: DATE_WIDTH,
            right_aligned: true,
            group,
        };
        flow(&mut pages, &mut date, block);
    }

    let mut cursor = sender.later(date);
    if cursor.top > MARGIN_TOP {
        cursor.top += 3.0 * BODY_LEADING;
    }

    if !letter.title.trim().is_empty() {
        let group = pages.group(Tag::Hn(NonZeroU16::MIN, None));
        let block = Block {
            text: letter.title,
            weight: Weight::Bold,
            size: TITLE_SIZE,
            leading: TITLE_LEADING,
            left: MARGIN_LEFT,
            width: CONTENT_WIDTH,
            right_aligned: false,
            group,
        };
        flow(&mut pages, &mut cursor, block);
        cursor.top += BODY_LEADING;
    }

    for paragraph in letter.paragraphs.iter().filter(|p| !p.trim().is_empty()) {
        let group = pages.group(Tag::P);
        let block = Block {
            text: paragraph,
            weight: Weight::Regular,
            size: BODY_SIZE,
            leading: BODY_LEADING,
            left: MARGIN_LEFT,
            width: CONTENT_WIDTH,
            right_aligned: false,
            group,
        };
        flow(&mut pages, &mut cursor, block);
        cursor.top += PARAGRAPH_GAP;
    }

    // Footer and page numbers, on every page, bottom up.
    let count = pages.pages.len();
    let last_baseline = PAGE_HEIGHT - MARGIN_BOTTOM - (1.0 - regular.ascent) * FOOTER_SIZE;
    for page in 0..count {
        let first_baseline =
            last_baseline - (footer_lines.len().max(1) - 1) as f32 * FOOTER_LEADING;
        for (i, line) in footer_lines.iter().enumerate() {
            if !line.glyphs.is_empty() {
                pages.place(
                    page,
                    Placed {
                        run: line.clone(),
                        weight: Weight::Regular,
                        size: FOOTER_SIZE,
                        x: MARGIN_LEFT,
                        baseline: first_baseline + i as f32 * FOOTER_LEADING,
                        role: Role::Artifact(ArtifactType::Footer),
                    },
                );
            }
        }
        if count > 1 {
            let run = regular.shape(&format!("{}/{}", page + 1, count));
            let x = PAGE_WIDTH - MARGIN_RIGHT - run.width * PAGE_NUMBER_SIZE;
            pages.place(
                page,
                Placed {
                    run,
                    weight: Weight::Regular,
                    size: PAGE_NUMBER_SIZE,
                    x,
                    baseline: last_baseline,
                    role: Role::Artifact(ArtifactType::PageNumber),
                },
            );
        }
    }
    pages
}

fn write_pdf(
    letter: &Letter,
    pages: &Pages,
    regular: &Face,
    bold: &Face,
) -> Result<Vec<u8>, LetterError> {
    let configuration = ConfigurationBuilder::new()
        .set_validator(Validator::A(Archival::A2_A))
        .finish()
        .map_err(|e| LetterError::Pdf(format!("{e:?}")))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let page_settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| LetterError::Pdf("bad page size".into()))?;
    let grey = Fill {
        paint: rgb::Color::new(70, 70, 70).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    };

    let mut groups: Vec<TagGroup> = pages.groups.iter().cloned().map(TagGroup::new).collect();
    for lines in &pages.pages {
        let mut page = document.start_page_with(page_settings.clone());
        let mut surface = page.surface();
        for line in lines {
            let face = if line.weight == Weight::Bold {
                bold
            } else {
                regular
            };
            match line.role {
                Role::Content(group) => {
                    surface.set_fill(None);
                    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
                    draw(&mut surface, line, face);
                    surface.end_tagged();
                    if let Some(group) = groups.get_mut(group) {
                        group.push(id);
                    }
                }
                Role::Artifact(kind) => {
                    surface.set_fill(Some(grey.clone()));
                    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
                    draw(&mut surface, line, face);
                    surface.end_tagged();
                }
            }
        }
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some(letter.lang.to_owned()));
    for group in groups {
        tree.push(group);
    }
    document.set_tag_tree(tree);

    let mut metadata = Metadata::new()
        .title(metadata_text(letter.title))
        .language(letter.lang.to_owned())
        .creator("Seteli".to_owned())
        .creation_date(pdf_date(letter.created));
    let author = metadata_text(letter.sender);
    if !author.is_empty() {
        metadata = metadata.authors(vec![author]);
    }
    document.set_metadata(metadata);

    document
        .finish()
        .map_err(|e| LetterError::Pdf(format!("{e:?}")))
}

/// Text for the XMP metadata: one line, no control characters or noncharacters (which
/// XML cannot hold), at most [`MAX_METADATA_TITLE`] characters.
fn metadata_text(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| {
            let n = u32::from(c);
            !c.is_control() && !(0xfdd0..=0xfdef).contains(&n) && n & 0xfffe != 0xfffe
        })
        .take(MAX_METADATA_TITLE)
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn draw(surface: &mut krilla::surface::Surface, line: &Placed, face: &Face) {
    surface.draw_glyphs(
        Point::from_xy(line.x, line.baseline),
        &line.run.glyphs,
        face.pdf.clone(),
        &line.run.text,
        line.size,
        false,
    );
}

fn pdf_date(t: time::OffsetDateTime) -> DateTime {
    let offset = t.offset();
    let hours = offset.whole_hours();
    let minutes = offset.minutes_past_hour().unsigned_abs();
    let year = u16::try_from(t.year().clamp(0, 9999)).unwrap_or(9999);
    DateTime::new(year)
        .month(u8::from(t.month()))
        .day(t.day())
        .hour(t.hour())
        .minute(t.minute())
        .second(t.second())
        .utc_offset_hour(hours)
        .utc_offset_minute(minutes)
}

/// A plain RFC 3066 tag: a 1–8 letter primary subtag, then 1–8 letter-or-digit subtags.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_text_is_one_clean_line() {
        assert_eq!(
            metadata_text(" Päätös\n\tja\u{0}\u{fffe}\u{fdd0}  <&> "),
            "Päätös ja <&>"
        );
        assert_eq!(metadata_text(&"a".repeat(5000)).len(), MAX_METADATA_TITLE);
    }

    #[test]
    fn language_tags() {
        for ok in ["fi", "sv", "en", "sv-FI", "en-GB", "x-klingon"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "-", "fi-", "fi_FI", "f i", "123", "fi--FI", "abcdefghi"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn clean_replaces_what_the_font_lacks() {
        let face = Face::new(REGULAR_TTF).unwrap();
        assert_eq!(
            clean("a\u{7}b\tc\u{ad}d\u{200b}e 中€\u{202f}\n", &face, false),
            "ab cde ?€\u{a0} "
        );
        assert_eq!(clean("a\nb", &face, true), "a\nb");
    }

    #[test]
    fn split_cuts_between_clusters_only() {
        let face = Face::new(REGULAR_TTF).unwrap();
        let run = face.shape("a\u{308}a\u{308}a\u{308}a\u{308}");
        let one = face.shape("a\u{308}").width;
        let pieces = run.split(one * 1.5);
        assert_eq!(pieces.len(), 4);
        for piece in &pieces {
            assert_eq!(piece.text, "a\u{308}");
        }
    }
}
