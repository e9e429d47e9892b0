//! User-facing text in Russian and English, from the Fluent files in `assets/locales/`.
//!
//! The library reports what happened as [`Msg`] values (a message id and its arguments) and the
//! front ends render them in the user's language at the edge, so tests can assert on ids while the
//! owner reads sentences. Russian is the default on a Russian system, English elsewhere.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the interface is available in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    Ru,
    En,
}

impl Lang {
    /// The language of the system locale: Russian for `ru*`, English otherwise.
    pub fn from_system() -> Lang {
        match std::env::var("ADRESAT_LANG")
            .ok()
            .or_else(sys_locale::get_locale)
        {
            Some(tag) => Lang::from_tag(&tag),
            None => Lang::En,
        }
    }

    /// The language asked for this run: the `--lang` flag's, else `ADRESAT_LANG`'s; `None` when
    /// neither is given (then a saved choice or the system decides).
    pub fn asked(flag: Option<&str>) -> Option<Lang> {
        flag.map(str::to_owned)
            .or_else(|| std::env::var("ADRESAT_LANG").ok())
            .filter(|tag| !tag.trim().is_empty())
            .map(|tag| Lang::from_tag(tag.trim()))
    }

    /// Reads a locale tag such as `ru-RU`, `ru_RU.UTF-8` or `en`.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    fn source(self) -> &'static str {
        match self {
            Lang::Ru => include_str!("../assets/locales/ru.ftl"),
            Lang::En => include_str!("../assets/locales/en.ftl"),
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru-RU",
            Lang::En => "en-US",
        }
    }
}

thread_local! {
    /// This thread's language: the app's (or a test's) on its own thread, inherited by the jobs
    /// it starts; two apps or tests side by side keep each their own.
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language text is rendered in on this thread: the one chosen for it, else the system's.
pub fn current() -> Lang {
    CURRENT.get().unwrap_or_else(|| {
        static SYSTEM: OnceLock<Lang> = OnceLock::new();
        *SYSTEM.get_or_init(Lang::from_system)
    })
}

/// Chooses the language for everything this thread renders afterwards; a background job is
/// started with its starter's (`ui::jobs::Pending::spawn`).
pub fn set_current(lang: Lang) {
    CURRENT.set(Some(lang));
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static RU: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = if lang == Lang::Ru { &RU } else { &EN };
    cell.get_or_init(|| {
        let resource = FluentResource::try_new(lang.source().to_owned())
            .unwrap_or_else(|(_, errors)| panic!("broken {lang:?} locale file: {errors:?}"));
        let mut bundle = FluentBundle::new_concurrent(vec![lang.tag().parse().expect("valid tag")]);
        // Isolation marks would show as boxes in the GUI's fonts and in Excel.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .expect("no duplicate message ids");
        bundle
    })
}

/// Renders message `id` with `args` in `lang`; falls back to English, then to the id itself.
pub fn tr_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    for lang in [lang, Lang::En] {
        let bundle = bundle(lang);
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut fargs = FluentArgs::new();
            for (name, value) in args {
                fargs.set(*name, value.to_fluent(lang));
            }
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fargs), &mut errors)
                .into_owned();
        }
    }
    id.to_owned()
}

/// Renders message `id` in the current language.
pub fn tr(id: &str) -> String {
    tr_in(current(), id, &[])
}

/// An argument of a message: text, a whole number (numbers pick plural forms), a decimal, or
/// another message (a reason, an event's word) rendered in the same language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// Written when the message is rendered, in that language's way: a message made while the
    /// window spoke English reads `1,5 %` when rendered in Russian.
    Decimal(Decimal),
    Msg(Box<Msg>),
}

/// A number shown with one digit after the decimal mark (`,` in Russian, `.` in English),
/// optionally with its sign, optionally as a percentage of a share (`0.015` → `1,5 %`).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(into = "f64")]
pub struct Decimal {
    pub value: f64,
    pub signed: bool,
    pub percent: bool,
}

impl Decimal {
    /// A share as a percentage: `0.015` → `1,5 %`.
    pub fn percent(share: f64) -> Decimal {
        Decimal {
            value: share * 100.0,
            signed: false,
            percent: true,
        }
    }

    /// A difference with its sign: `+1,5`.
    pub fn signed(value: f64) -> Decimal {
        Decimal {
            value,
            signed: true,
            percent: false,
        }
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let digits = if self.signed {
            format!("{:+.1}", self.value)
        } else {
            format!("{:.1}", self.value)
        };
        let digits = match lang {
            Lang::Ru => digits.replace('.', ","),
            Lang::En => digits,
        };
        if self.percent {
            format!("{digits}\u{a0}%")
        } else {
            digits
        }
    }
}

impl From<Decimal> for f64 {
    fn from(d: Decimal) -> f64 {
        d.value
    }
}

impl Arg {
    fn to_fluent(&self, lang: Lang) -> FluentValue<'_> {
        match self {
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s)),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Decimal(d) => FluentValue::String(Cow::Owned(d.render(lang))),
            Arg::Msg(m) => FluentValue::String(Cow::Owned(m.render(lang))),
        }
    }
}

impl From<Decimal> for Arg {
    fn from(d: Decimal) -> Self {
        Arg::Decimal(d)
    }
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Self {
        Arg::Msg(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}

/// A message for the user, rendered lazily in their language.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Msg {
    /// The Fluent message id, stable for tests and scripts.
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    /// A message about `count` things: the plural form follows `$count`, and `$shown` is the
    /// number grouped for reading (`1 000`).
    pub fn counted(id: &'static str, count: i64) -> Msg {
        Msg::new(id)
            .arg("count", count)
            .arg("shown", crate::format::group_thousands(count))
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let args: Vec<(&str, Arg)> = self.args.iter().map(|(k, v)| (*k, v.clone())).collect();
        tr_in(lang, self.id, &args)
    }
}

impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(current()))
    }
}
