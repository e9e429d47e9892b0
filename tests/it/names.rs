use adresat::import::first_name_from_full;

#[test]
fn first_name_from_fio() {
    for (full, first) in [
        ("Иванова Мария Петровна", Some("Мария")),
        ("Мария Петровна Иванова", Some("Мария")),
        ("Петров Илья Ильич", Some("Илья")),
        ("Иванов Пётр", Some("Пётр")),
        ("Мария Иванова", Some("Мария")),
        ("Мария", Some("Мария")),
        ("ИВАНОВА МАРИЯ ПЕТРОВНА", Some("Мария")),
        ("Алиев Рашид Кямал оглы", Some("Рашид")),
        ("John Smith", Some("John")),
        ("ООО Ромашка", None),
        ("ООО \"Ромашка\"", None),
        ("ИП Сидоров", None),
        ("Салон «Лотос»", None),
        ("", None),
    ] {
        assert_eq!(first_name_from_full(full).as_deref(), first, "{full}");
    }
}
