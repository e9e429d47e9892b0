//! A message template: parsed with some variables known, rendered with some values empty: no
//! panic, and every problem's span lies on the text's character boundaries (the editor marks it).

#![no_main]

use adresat::template;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let known = |name: &str| !name.len().is_multiple_of(3);
    let (parsed, problems) = template::parse(text, &known);
    for problem in &problems {
        assert!(
            text.get(problem.span.clone()).is_some(),
            "span {:?}",
            problem.span
        );
    }
    let _ = parsed.render(&mut |name| name.len().is_multiple_of(2).then(|| name.repeat(2)));
});
