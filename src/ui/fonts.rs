//! Fonts: Noto Sans (SIL OFL) first, for full Cyrillic and `₽`, which egui's bundled fonts lack;
//! DejaVu Sans (Bitstream Vera licence) next, for arrows and symbols Noto Sans leaves out; egui's
//! own fonts last. The files and their licences are in `assets/fonts/`.

use std::sync::Arc;

const FONTS: &[(&str, &[u8])] = &[
    (
        "noto-sans",
        include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "dejavu-sans",
        include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    ),
];

/// Puts the shipped fonts in front of egui's.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for (i, (name, bytes)) in FONTS.iter().enumerate() {
        fonts.font_data.insert(
            (*name).to_owned(),
            Arc::new(egui::FontData::from_static(bytes)),
        );
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts
                .families
                .entry(family)
                .or_default()
                .insert(i, (*name).to_owned());
        }
    }
    ctx.set_fonts(fonts);
}
