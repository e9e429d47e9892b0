//! The Messages screen, driven by typing: the template edited, the preview following it for the
//! recipient on screen and the next one, a fault shown at its place, the campaign saved.

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable;

use crate::support::Scratch;
use crate::ui::{app, wait, wait_label};

#[test]
fn typing_a_template_changes_the_preview_and_faults_show_at_their_place() {
    let mut s = Scratch::new();
    s.contacts(
        "ID клиента;ФИО;Телефон;Город;Согласие на рассылку\n\
         A1;Иванова Мария;89120000001;Омск;да\n\
         A2;ООО Ромашка;89120000002;Москва;да\n\
         A3;Пётр Петров;89120000003;Москва;нет\n",
    );
    s.store
        .save_segment(
            "Все",
            &adresat::segment::Rule::everyone(),
            "",
            chrono::Utc::now(),
        )
        .unwrap();
    let mut harness = app(s.store.path().to_owned());
    crate::ui::wait_exact(&mut harness, "3 контакта");
    harness.get_by_label("Сообщения").click();
    // The new campaign's first variant goes to the only segment: two with consent get it.
    wait_label(&mut harness, "Получат: 2 из 3 в сегментах");
    wait_label(&mut harness, "нет согласия 1");
    wait_label(&mut harness, "1 из 2");

    let editor = harness.get_by_role_and_label(Role::TextInput, "Текст сообщения");
    editor.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Текст сообщения")
        .type_text("{{first_name|друг}}, в {{city}} скидки!");
    wait_label(&mut harness, "Мария, в Омск скидки!");
    // WhatsApp's view: numbered parameters with the values of this recipient.
    harness.get_by_label("{{1}}, в {{2}} скидки!");

    // The next recipient has no first name: the fallback.
    harness.get_by_label("▶").click();
    wait_label(&mut harness, "друг, в Москва скидки!");

    // A misspelt variable is underlined and listed with its line and character.
    let editor = harness.get_by_role_and_label(Role::TextInput, "Текст сообщения");
    editor.focus();
    harness.key_press(egui::Key::End);
    harness
        .get_by_role_and_label(Role::TextInput, "Текст сообщения")
        .type_text(" {{firstname}}");
    wait_label(&mut harness, "Строка 1, символ 41:");

    // Saving with the fault is refused, naming the variant and the place.
    let name = harness.get_by_role_and_label(Role::TextInput, "Название");
    name.focus();
    name.type_text("Весна");
    harness.run_steps(2);
    harness.get_by_label("Сохранить").click();
    wait(&mut harness, "refused", |h| {
        // Under the name, and in the check of every recipient.
        h.query_all_by_label_contains("Вариант «Вариант 1», символ 41")
            .count()
            >= 2
    });
    assert!(s.store.campaign("Весна").unwrap().is_none());

    // Fixed, it is saved, listed and stored as typed.
    let text = "{{first_name|друг}}, до встречи в {{city|вашем городе}}!";
    harness
        .get_by_role_and_label(Role::TextInput, "Текст сообщения")
        .focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_role_and_label(Role::TextInput, "Текст сообщения")
        .type_text(text);
    wait_label(&mut harness, "друг, до встречи в Москва!");
    // The approved WhatsApp template it stands for, for the provider's upload.
    harness
        .get_by_role_and_label(Role::TextInput, "Шаблон WhatsApp")
        .focus();
    harness
        .get_by_role_and_label(Role::TextInput, "Шаблон WhatsApp")
        .type_text("spring_meet");
    harness.run_steps(2);
    harness.get_by_label("Сохранить").click();
    wait_label(&mut harness, "Кампания «Весна» сохранена.");
    wait(&mut harness, "listed", |h| {
        h.query_all_by_label("Весна").count() >= 1
    });
    let saved = s.store.campaign("Весна").unwrap().unwrap();
    assert_eq!(saved.variants[0].text, text);
    assert_eq!(saved.variants[0].segment, "Все");
    assert_eq!(
        saved.variants[0].whatsapp_template,
        Some(adresat::campaign::WhatsappTemplate {
            name: "spring_meet".to_owned(),
            language: "ru".to_owned()
        })
    );
}
