//! Names: the first name for a greeting from a full name written surname first (ФИО).

/// Words that mark an organisation rather than a person: it has no first name to greet.
const ORGANISATION_MARKS: &[&str] = &[
    "ооо",
    "оао",
    "зао",
    "пао",
    "ао",
    "нко",
    "ано",
    "ип",
    "гуп",
    "муп",
    "фгуп",
    "тоо",
    "чп",
    "llc",
    "ltd",
    "inc",
    "gmbh",
    "corp",
    "company",
    "компания",
    "магазин",
    "салон",
    "фирма",
];

/// Endings of a patronymic (`Петровна`, `Ильич`) or its Turkic forms (`оглы`, `кызы`).
/// `w` is in lower case.
fn is_patronymic(w: &str) -> bool {
    ["ович", "евич", "ич", "овна", "евна", "ична", "инична"]
        .iter()
        .any(|end| w.ends_with(end) && w.chars().count() > end.chars().count() + 1)
        || w == "оглы"
        || w == "кызы"
}

/// Common Russian first names, in lower case with `е` for `ё`: in a two-word name the one found
/// here is the first name, whichever order the words are in (`Орлова Полина`, `Анна Ли`).
const FIRST_NAMES: &[&str] = &[
    "александр",
    "алексей",
    "анатолий",
    "андрей",
    "антон",
    "аркадий",
    "арсений",
    "артем",
    "артур",
    "богдан",
    "борис",
    "вадим",
    "валентин",
    "валерий",
    "василий",
    "виктор",
    "виталий",
    "владимир",
    "владислав",
    "вячеслав",
    "геннадий",
    "георгий",
    "герман",
    "глеб",
    "григорий",
    "даниил",
    "денис",
    "дмитрий",
    "евгений",
    "егор",
    "иван",
    "игорь",
    "илья",
    "кирилл",
    "константин",
    "лев",
    "леонид",
    "максим",
    "марк",
    "матвей",
    "михаил",
    "никита",
    "николай",
    "олег",
    "павел",
    "петр",
    "роман",
    "руслан",
    "семен",
    "сергей",
    "станислав",
    "степан",
    "тимофей",
    "тимур",
    "федор",
    "филипп",
    "юрий",
    "ярослав",
    "алена",
    "алина",
    "алиса",
    "алла",
    "анастасия",
    "ангелина",
    "анна",
    "антонина",
    "арина",
    "валентина",
    "валерия",
    "варвара",
    "вера",
    "вероника",
    "виктория",
    "галина",
    "дарья",
    "диана",
    "ева",
    "евгения",
    "екатерина",
    "елена",
    "елизавета",
    "жанна",
    "зинаида",
    "злата",
    "инна",
    "ирина",
    "карина",
    "кира",
    "кристина",
    "ксения",
    "лариса",
    "лидия",
    "любовь",
    "людмила",
    "маргарита",
    "марина",
    "мария",
    "милана",
    "надежда",
    "наталья",
    "наталия",
    "нина",
    "оксана",
    "олеся",
    "ольга",
    "полина",
    "раиса",
    "регина",
    "светлана",
    "софия",
    "софья",
    "таисия",
    "тамара",
    "татьяна",
    "ульяна",
    "эвелина",
    "юлия",
    "яна",
    "маша",
    "саша",
    "женя",
    "настя",
    "катя",
    "лена",
    "оля",
    "таня",
    "наташа",
    "дима",
    "сережа",
];

fn is_first_name(w: &str) -> bool {
    FIRST_NAMES.contains(&w.replace('ё', "е").as_str())
}

/// Endings typical of Russian surnames (`Иванова`, `Петровский`, `Шевченко`).
/// `w` is in lower case.
fn looks_like_surname(w: &str) -> bool {
    [
        "ов",
        "ова",
        "ев",
        "ева",
        "ёв",
        "ёва",
        "ин",
        "ина",
        "ын",
        "ына",
        "ский",
        "ская",
        "цкий",
        "цкая",
        "ой",
        "ых",
        "их",
        "енко",
        "ко",
        "ук",
        "юк",
        "ян",
        "дзе",
        "швили",
        "ман",
    ]
    .iter()
    .any(|end| w.ends_with(end) && w.chars().count() > end.chars().count() + 1)
}

/// Gives a word shouted or whispered (`МАРИЯ`, `мария`) the usual capitalisation; leaves mixed case alone.
pub fn tidy_word(word: &str) -> String {
    let has_upper = word.chars().any(char::is_uppercase);
    let has_lower = word.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        return word.to_owned();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// The first name in a full name: `Иванова Мария Петровна` → `Мария`, `Мария Петровна Иванова` →
/// `Мария`, `Иванов Пётр` → `Пётр`, `Мария` → `Мария`; `None` for `ООО Ромашка`.
pub fn first_name_from_full(full: &str) -> Option<String> {
    if full.contains(['"', '«']) {
        return None;
    }
    let is_separator = |c: char| c.is_whitespace() || c == ',';
    let words: Vec<&str> = full.split(is_separator).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    // Lowering case keeps the separators, so the two word lists line up.
    let folded = full.to_lowercase();
    let lower: Vec<&str> = folded
        .split(is_separator)
        .filter(|w| !w.is_empty())
        .collect();
    let is_org = lower
        .iter()
        .any(|w| ORGANISATION_MARKS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    let is_name = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    if is_org || !words.iter().all(is_name) {
        return None;
    }
    let first = match words.len() {
        1 => 0,
        _ => {
            if let Some(p) = lower
                .iter()
                .position(|w| is_patronymic(w))
                .filter(|&p| p > 0)
            {
                // The first name stands right before the patronymic, whichever end the surname is
                // at; a Turkic patronymic is two words (`Кямал оглы`).
                let turkic = matches!(lower[p], "оглы" | "кызы");
                if turkic { p.saturating_sub(2) } else { p - 1 }
            } else if words.len() == 2 && is_first_name(lower[1]) && !is_first_name(lower[0]) {
                1
            } else if words.len() == 2 && is_first_name(lower[0]) {
                0
            } else if words.len() == 2
                && looks_like_surname(lower[0])
                && !looks_like_surname(lower[1])
            {
                1
            } else {
                0
            }
        }
    };
    Some(tidy_word(words[first]))
}
