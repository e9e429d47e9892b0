app-title = Адресат
demo-badge = ДЕМО-БАЗА
demo-row-mark = ДЕМО: сгенерированные данные, номера могут принадлежать реальным людям
base-empty = База пуста. Импортируйте контакты из CSV или Excel.


setting-demo = база с демо-данными
setting-owner-tz = часовой пояс владельца: даты без пояса читаются в нём
setting-default-country = страна телефонов без кода страны (ISO, например RU)

stats-summary = Контактов: { $contacts } (согласие: да { $yes }, нет { $no }, неизвестно { $unknown }; отписались { $unsubscribed }, заблокировали { $blocked })
    Заказов: { $orders }, событий: { $events }, разных тегов: { $tags }
cli-stats-base = База: { $path }
cli-exported = Выгружено контактов: { $count } → { $path }
cli-consent-exported = Выгружены записи о согласии: { $count } → { $path }
cli-demo-done = Демо-база готова: { $path }
cli-read-only-window = --read-only — для команд (adresat --read-only stats, segment count …): окно меняет базу по ходу работы. Откройте окно без --read-only, или на копии базы.

report-summary = { $file } ({ $encoding }, разделитель { $delimiter })
    Прочитано строк: { $read }; новых: { $inserted }; обновлено: { $updated }; без изменений: { $unchanged }; слито (повторы в файле и объединённые контакты): { $merged }; отклонено: { $rejected }
report-reject-line = строка { $line }: { $reason }
report-more = … и ещё { $count }
rejects-line = Строка
rejects-reason = Причина

error-io = Не удалось прочитать или записать «{ $path }»: { $reason }
error-io-full = Не удалось записать «{ $path }»: на диске нет места ({ $reason }); ничего не сохранено. Освободите место и повторите.
error-db = Ошибка базы данных, изменения отменены: { $reason }
error-db-busy = База занята другой работой (импортом или планом в другом окне или задаче) и не освободилась вовремя; ничего не изменено. Повторите, когда та закончится.
error-db-full = Диск заполнен; ничего не изменено. Освободите место и повторите.
error-db-write = Не удалось записать в файл базы ({ $reason }): скорее всего, на диске нет места; изменения отменены. Освободите место и повторите.
error-db-read-only = В файл базы нельзя записать ({ $reason }); ничего не изменено. Проверьте, что файл и его папка доступны для записи, или откройте копию.
error-read-only-old = База «{ $path }» сделана прошлой версией Адресата: только для чтения её не открыть, сначала её нужно преобразовать (откройте её без --read-only, лучше копию).
error-cancelled = Отменено, база не изменилась.
base-converting = Обновляю базу до новой версии программы
base-converting-why = Это нужно один раз. Пока обновление не закончилось, база остаётся прежней: отмена или закрытие программы ничего не испортят.
base-open-again = Открыть базу снова
error-base-too-new = База «{ $path }» создана более новой версией Адресата (схема { $version }); обновите программу.
error-not-a-base = «{ $path }» не похож на базу Адресата: { $reason }
error-not-a-table = «{ $path }» не удалось прочитать как таблицу: { $why } База не изменилась.
why-empty = файл пуст.
why-binary = это не таблица (ожидается CSV, .xlsx или .xls).
why-no-header = в первой строке нет заголовков столбцов.
why-bad-xlsx = файл Excel повреждён или это не .xlsx.
why-bad-xls = старый файл Excel (.xls) повреждён или не читается: откройте его в Excel и сохраните как «Книга Excel (.xlsx)».
error-csv = Строка { $line }: файл повреждён ({ $reason }). База не изменилась.
error-missing-columns = В файле «{ $path }» не хватает столбцов: { $missing }. Найдены столбцы: { $headers }. Укажите соответствие через --map СТОЛБЕЦ=поле.
error-map-syntax = «{ $value }»: ожидается СТОЛБЕЦ=поле, например «Моб. тел.=phone».
error-map-field = Неизвестное поле «{ $field }». Поля: { $fields }
error-map-column = В файле нет столбца «{ $column }». Столбцы: { $columns }
error-map-kind = Поле «{ $field }» не относится к этому виду файла.
error-id-system = «{ $value }» не годится как название системы id: одно слово из букв, цифр, «-» и «_», до 32 знаков (например, 1c или moysklad).
error-consent-statement-source = Укажите, где люди из файла дали согласие (например, «форма на сайте»).
error-consent-statement-date = Дата согласия «{ $value }» не понята: ожидается 31.12.2024 или 2024-12-31.
error-consent-statement-future = Дата согласия { $value } ещё не наступила.
error-bad-time-zone = «{ $value }» не является часовым поясом IANA (например, Europe/Moscow или Asia/Novosibirsk).
error-bad-country = «{ $value }» не является кодом страны из двух букв (например, RU).
error-bad-separator = Разделитель «{ $value }» не подходит: возможны «;», «,» или табуляция.
error-unknown-setting = Неизвестная настройка «{ $key }». Настройки: { $keys }

reject-no-key = нет ни внешнего id, ни телефона, ни почты, ни Telegram — не понять, кто это

reject-email = «{ $value }» не похоже на адрес электронной почты
reject-role-email = есть только общий адрес { $value } (так пишут в компанию, а не человеку) — не понять, кто это
reject-birthday = дата рождения «{ $value }» не понята (ожидается 12.03.1990, 1990-03-12 или 12.03)
reject-items = товар «{ $value }» не понят (ожидается «Название x 2 ≡ 1500»)
reject-quantity = количество «{ $value }» не понято: ожидается целое число больше нуля
reject-total-orders = число заказов «{ $value }» не понято: ожидается целое число
reject-item-of-rejected-order = строка товара заказа { $order }, а сам заказ отклонён строкой выше
reject-phone-excel-rounded = Excel округлил этот телефон («{ $value }»): цифры потеряны. Сохраните столбец как текст и выгрузите заново
reject-phone-invalid = «{ $value }» не похоже на номер телефона
reject-tg-chat-id = Telegram chat id «{ $value }» должен быть числом
reject-tg-username = «{ $value }» не похоже на имя пользователя Telegram
reject-time-zone = «{ $value }» не является часовым поясом IANA
reject-consent = согласие «{ $value }» не понятно: ожидается да/нет, 1/0, +/-
reject-status = статус «{ $value }» не понятен: ожидается активен, отписан или заблокирован
reject-event-kind = событие «{ $value }» не понятно: ожидается отправлено, доставлено, прочитано, нажал кнопку, ответил, отписался или заблокировал
reject-amount = сумма «{ $value }» не распознана
reject-amount-ambiguous = сумма «{ $value }» неоднозначна: запятая или точка перед тремя цифрами может отделять и копейки, и тысячи
reject-date = дата «{ $value }» в поле { $field } не распознана (ожидается 31.12.2024, 31.12.2024 10:00 или 2024-12-31)
reject-missing = пусто обязательное поле { $field }
reject-unknown-customer = в базе нет клиента «{ $key }»
reject-two-contacts = строка подходит к двум разным контактам: №{ $first } ({ $first_kind -> 
        [external] внешний id
        [phone] телефон
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $first_key }) и №{ $second } ({ $second_kind -> 
        [external] внешний id
        [phone] телефон
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $second_key })
reject-key-mismatch = { $kind -> 
        [external] внешний id
        [phone] телефон
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $value } противоречит контакту №{ $id }, найденному по { $by_kind -> 
        [external] внешнему id
        [phone] телефону
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $by_key }: у него { $stored }

rows = { $rows ->
        [one] { $rows } строка
        [few] { $rows } строки
       *[many] { $rows } строк
    }
warn-unknown-city = город «{ $city }» не найден в справочнике ({ rows }): назначен пояс по умолчанию { $zone }
warn-ambiguous-city = городов «{ $city }» несколько в разных поясах, а регион не указан или не распознан ({ rows }): выбран самый крупный, { $zone }
warn-consent-unproven = { $count ->
        [one] { $count } строка даёт
        [few] { $count } строки дают
       *[many] { $count } строк дают
    } согласие «да» без даты или источника согласия (первая — строка { $line }): вы должны уметь доказать согласие (38-ФЗ) — добавьте в файл столбцы «Дата согласия» и «Источник согласия».
warn-consent-stated = { $count ->
        [one] { $count } контакт получил
        [few] { $count } контакта получили
       *[many] { $count } контактов получили
    } согласие, которое вы указали для всего файла: «{ $source }», { $date }. Храните подтверждение — вы должны уметь доказать согласие (38-ФЗ).
warn-orders-new-contacts = Новые контакты из заказов: { $count } — покупателей не было в базе, и они добавлены по данным заказа (имя, телефон, почта). Согласия на рассылку у них нет, пока вы его не загрузите.
warn-email-kept = { $count ->
        [one] в { $count } строке
       *[other] в { $count } строках
    } в столбце почты не адрес (первое — «{ $value }»): значение сохранено как своё поле, а человек узнан по другим данным
warn-ids-adopted = { $count ->
        [one] { $count } контакт с вашим id совпал
        [few] { $count } контакта с вашими id совпали
       *[many] { $count } контактов с вашими id совпали
    } с id этого файла (первый — { $first }): в базе ещё не было id этой системы, так что эти id признаны её id — повторная загрузка не создаст дублей
warn-email-joined = { $count ->
        [one] { $count } контакт, известный только по почте, объединён
        [few] { $count } контакта, известных только по почте, объединены
       *[many] { $count } контактов, известных только по почте, объединены
    } с контактом, которого нашёл телефон той же строки (первый: №{ $absorbed } → №{ $into }); теги, заказы и события перенесены
warn-opt-out-kept = контакт №{ $id } — { $status -> 
        [blocked] заблокировал
       *[other] отписался
    } { $at }: согласие из файла не возвращено, так как в строке нет более поздней даты согласия
warn-consent-restored = контакт №{ $id }: согласие восстановлено — дата согласия в файле позже { $status -> 
        [blocked] блокировки
       *[other] отписки
    }

## The window
nav-contacts = Контакты
nav-segments = Сегменты
nav-rfm = RFM-анализ
nav-messages = Сообщения
nav-plan = План рассылки
nav-results = Результаты
menu-file = Файл
menu-import = Импорт файла…
menu-open-base = Открыть базу…
menu-new-base = Новая база…
menu-consent-export = Выгрузить согласия…
consent-export-title = Выгрузка записей о согласии
consent-export-about = У каждого контакта — согласие, его дата и источник, файл, из которого оно пришло, согласия по каналам и отписки: то, чем вы докажете согласие.
consent-export-file = Куда сохранить (CSV для Excel)
consent-export-go = Выгрузить
consent-export-default = согласия
consent-exported = { $count ->
        [one] Выгружена { $count } запись о согласии
        [few] Выгружены { $count } записи о согласии
       *[many] Выгружено { $count } записей о согласии
    }
work-consent-export = выгрузка согласий
menu-demo = Попробовать на демо-данных…
menu-back-to-real = Вернуться к своей базе
menu-settings = Настройки…
status-base = База: { $name }
status-contacts = { $count ->
        [one] { $shown } контакт
        [few] { $shown } контакта
       *[many] { $shown } контактов
    }
job-import = Импорт
job-demo = Создаю демо-базу на { $shown } { $count ->
        [one] контакт
        [few] контакта
       *[many] контактов
    }
drop-here = Отпустите файл, чтобы импортировать его
cancel = Отмена
close = Закрыть
save = Сохранить
next = Далее
back = Назад
done = Готово
open = Открыть
create = Создать
browse = Обзор…
browse-waiting = Жду системное окно выбора файла…
browse-nothing = Окно выбора файла ничего не вернуло. Если оно не появилось, впишите путь к файлу в поле выше.

search = Поиск
search-hint = имя, телефон, город, тег
filter-status = Статус
filter-consent = Согласие
filter-any = любой
found-contacts = { $count ->
        [one] найден { $shown } контакт
        [few] найдено { $shown } контакта
       *[many] найдено { $shown } контактов
    }
nothing-found = Ничего не найдено. Измените поиск или фильтры.
import-button = Импорт…
col-id = №
col-name = Имя
col-phone = Телефон
col-city = Город
col-zone = Часовой пояс
col-consent = Согласие
col-status = Статус
col-tags = Теги
status-active = активен
status-unsubscribed = отписался
status-blocked = заблокировал
consent-yes = да
consent-no = нет
consent-unknown = неизвестно
tz-source-column = из файла
tz-source-city = по городу
tz-source-address = по адресу
tz-source-phone_country = по стране телефона
tz-source-default = по умолчанию
card-title = Карточка контакта
card-orders = { $count ->
        [0] Заказов нет
       *[other] Заказы: { $count } на { $total }
    }
card-best-hour = Лучший час: { $hour } (реакций, показывающих своё время: { $count })
card-no-best-hour = Лучший час пока не известен: реакций, показывающих своё время, { $count } из 3
card-engagement = Вовлечённость
card-engagement-line = Рассылок доставлено: { $delivered }; подряд без реакции: { $streak }
card-last-sent = Последняя отправка
card-last-read = Последнее прочтение
card-last-click = Последний клик
card-no-events = Рассылок ещё не было.
event-sent = отправлено
event-delivered = доставлено
event-read = прочитано
event-clicked = нажал кнопку
event-replied = ответил
event-unsubscribed = отписался
event-blocked = заблокировал

field-external_id = Внешний id
field-id_system = Система id
field-email = Почта
field-name = ФИО
field-first_name = Имя
field-last_name = Фамилия
field-middle_name = Отчество
field-phone = Телефон
field-tg_chat_id = Telegram chat id
field-tg_username = Telegram
field-city = Город
field-region = Регион
field-time_zone = Часовой пояс
field-tz_source = Откуда пояс
field-source = Источник
field-utm_source = utm_source
field-utm_medium = utm_medium
field-utm_campaign = utm_campaign
field-utm_content = utm_content
field-utm_term = utm_term
field-tags = Теги
field-consent = Согласие
field-consent_at = Дата согласия
field-consent_source = Источник согласия
field-consent_file = Файл, откуда согласие
field-status = Статус
field-status_at = Дата статуса
field-created_at = Дата регистрации
field-birthday = Дата рождения
field-consent_whatsapp = Согласие на WhatsApp
field-consent_telegram = Согласие на Telegram
field-consent_sms = Согласие на SMS
field-order_id = Номер заказа
field-ordered_at = Дата заказа
field-amount = Сумма
field-product = Товар
field-category = Категория
field-campaign = Кампания
field-message_id = Id сообщения
field-kind = Событие
field-button = Кнопка
field-at = Время
field-value = Стоимость
field-url = Ссылка
field-custom = (своё поле)
field-ignore = (не загружать)

import-title = Импорт
import-what = Что в файле?
import-kind-contacts = Контакты
import-kind-orders = Заказы
import-kind-events = События рассылок
import-file = Файл CSV или Excel (.xlsx, .xls)
import-drop-hint = Можно просто перетащить файл в окно программы.
import-reading = Читаю файл…
import-format = Кодировка: { $encoding }, разделитель: { $delimiter }
import-columns = Столбцы и поля
import-preview = Первые строки так, как они будут сохранены
preview-rejected = будет отклонена
import-load = Загрузить
import-loading = Загружаю… прочитано строк: { $rows }
import-indexing = Сохраняю: строю индексы по { $rows } строкам для быстрого поиска…
import-done = Импорт завершён: новых { $inserted }, отклонено { $rejected }
report-headline = Прочитано строк: { $read }. Новых: { $inserted }, обновлено: { $updated }, отклонено: { $rejected }.
report-read = Прочитано строк
report-inserted = Новых
report-updated = Обновлено
report-unchanged = Без изменений
report-merged = Слито (повторы в файле и объединённые контакты)
report-folded = Строки товаров, вошедшие в свой заказ
report-new-contacts = Новые контакты из заказов
report-folded-line = Строк товаров, вошедших в заказ выше: { $count }
report-rejected = Отклонено
report-warnings = Предупреждения ({ $count })
report-rejects = Отклонённые строки
report-save-rejects = Сохранить отклонённые строки в CSV
rejects-row = Строка файла
rejects-saved = Отклонённые строки сохранены.

settings-title = Настройки
settings-owner-tz = Ваш часовой пояс (IANA)
settings-country = Страна телефонов без кода
settings-language = Язык
settings-hint = Пояс и страна хранятся в базе: командная строка и окно считают одинаково.
settings-saved = Настройки сохранены.
demo-title = Демо-данные
demo-explain = Создам отдельную демо-базу с вымышленными клиентами, заказами и рассылками. Ваша база не изменится; вернуться к ней — одна кнопка.
demo-size = Сколько контактов
demo-create = Создать демо-базу
base-open-title = Открыть базу
base-create-title = Новая база
base-file-label = Файл базы (.sqlite)

## Segment rules: errors name the spot (the position of the condition, like 2.1.3)
rule-error-json = Правило не читается (строка { $line }, столбец { $column }): { $reason }
rule-error-version = Правило записано в версии { $version }, а эта программа знает версии до 1. Обновите Адресат.
rule-error-zero-campaigns = Условие { $spot }: число кампаний для «спящих» должно быть не меньше 1.
rule-error-unknown-field = Условие { $spot }: поля «{ $field }» нет ни у одного контакта.
rule-error-time-zone = Условие { $spot }: «{ $value }» — не часовой пояс IANA (например, Asia/Novosibirsk).
rule-error-no-values = Условие { $spot }: не выбрано ни одного значения.
rule-error-channel = Условие { $spot }: канала «{ $value }» нет; есть { $channels }.
rule-error-op-for-field = Условие { $spot }: для поля «{ $field }» такая проверка не подходит.
rule-error-one-tag = Условие { $spot }: «есть тег» и «нет тега» проверяют один тег; для нескольких выберите «есть любой из» или «есть все».
rule-error-empty-tag-group = Условие { $spot }: в базе нет ни одного тега группы «{ $group }».
rule-error-unknown-tag = Условие { $spot }: тега «{ $tag }» нет в базе.
rule-error-unknown-flow = Условие { $spot }: цепочки «{ $flow }» нет (удалена или не сохранена).
rule-error-empty-flow = Условие { $spot }: в цепочке «{ $flow }» нет кнопок.
rule-error-whole-number = Условие { $spot }: нужно целое неотрицательное число, а не { $value }.
rule-error-amount = Условие { $spot }: сумма { $value } не подходит: нужна неотрицательная сумма в рублях.
rule-error-cycle = Условие { $spot }: сегменты ссылаются друг на друга по кругу: { $chain }.
rule-error-unknown-segment = Условие { $spot }: сегмента «{ $segment }» нет (удалён или переименован).
segment-error-exists = Сегмент «{ $name }» уже есть.
segment-error-not-found = Сегмента «{ $name }» нет.
plan-error-not-found = Сохранённого плана кампании «{ $campaign }» на { $date } нет.
segment-error-empty-name = У сегмента должно быть название.
segment-error-stored = Сохранённый сегмент «{ $name }» не читается: { $reason }
flow-error-no-buttons = В цепочке «{ $flow }» должна быть хотя бы одна кнопка.
cli-no-rule = «{ $value }» — не файл правила и не сохранённый сегмент. Список сегментов: adresat segment list
cli-rule-file = Файл правила { $path }: { $reason }
cli-segment-count = { $count ->
    [one] { $shown } контакт
    [few] { $shown } контакта
   *[many] { $shown } контактов
}
cli-segment-saved = Сегмент «{ $name }» сохранён.
setting-meaning-discount-tag = тег, который значит «любит скидки»
setting-meaning-new-arrivals-tag = тег, который значит «ждёт новинки»
setting-meaning-landing-source = источник «лендинг»
setting-meaning-ad-source = источник «реклама»
setting-meaning-qr-source = источник «QR-код в магазине»
setting-meaning-cross-sell-bought = кросс-продажа: категория, которую уже купили
setting-meaning-cross-sell-missing = кросс-продажа: категория, которую предложить

## Ready-made segments: a name and a one-line purpose each
preset-group-hypotheses = Три стартовые гипотезы
preset-group-leads = Температура лидов
preset-group-reactivation = Спящие и реактивация
preset-group-sources = Источник входа
preset-group-zones = Часовые пояса
preset-group-journey = Путь клиента
preset-group-cross-sell = Кросс-продажа
preset-new-customers = Новые покупатели
preset-new-customers-about = Первая и единственная покупка — за последние 30 дней: приветствие и второй заказ.
preset-returning-customers = Вернувшиеся покупатели
preset-returning-customers-about = Не первая покупка, последняя — за 30 дней: благодарность и программа лояльности.
preset-discount-fans = Любят скидки
preset-discount-fans-about = Есть тег «любит скидки»: им — акции и промокоды.
preset-new-arrivals-fans = Ждут новинки
preset-new-arrivals-fans-about = Есть тег «новинки»: им — новые поступления без скидок.
preset-active = Активные
preset-active-about = Читали, нажимали или отвечали за последние 30 дней.
preset-silent = Молчуны
preset-silent-about = Получали рассылку за 60 дней, но ни разу не прочитали, не нажали и не ответили.
preset-cold-leads = Холодные лиды
preset-cold-leads-about = Не покупали, ни разу не нажимали кнопки и не отвечали.
preset-warm-leads = Тёплые лиды
preset-warm-leads-about = Не покупали; нажимали или отвечали, но не в последние 14 дней.
preset-hot-leads = Горячие лиды
preset-hot-leads-about = Нажимали или отвечали за 14 дней и ещё не покупали: пора предложить заказ.
preset-sleeping = Спящие
preset-sleeping-about = Три последние доставленные кампании без реакции: не тратьте на них сообщения.
preset-reactivation = Кандидаты на реактивацию
preset-reactivation-about = Покупали, но больше 90 дней назад; согласие есть и ещё не спят глубоко (меньше 5 кампаний без реакции).
preset-from-landing = Пришли с лендинга
preset-from-landing-about = Источник — ваш лендинг.
preset-from-ads = Пришли из рекламы
preset-from-ads-about = Источник — реклама.
preset-from-qr = Пришли по QR-коду
preset-from-qr-about = Источник — QR-код в магазине (офлайн).
preset-tz-moscow = Московское время
preset-tz-moscow-about = Пояса UTC+3 в России: Москва, Крым, Киров, Волгоград.
preset-tz-urals = Урал
preset-tz-urals-about = Екатеринбургское время, UTC+5.
preset-tz-siberia = Сибирь
preset-tz-siberia-about = Омское, новосибирское, красноярское и иркутское время (UTC+6…+8).
preset-tz-far-east = Дальний Восток
preset-tz-far-east-about = От Читы и Якутска до Камчатки и Чукотки (UTC+9…+12).
preset-new-subscribers = Новые подписчики
preset-new-subscribers-about = Появились в базе за 30 дней и ещё не покупали.
preset-prospects = Присматриваются
preset-prospects-about = Не покупали, но нажимали кнопки за последние 90 дней.
preset-first-time-buyers = Купили один раз
preset-first-time-buyers-about = Ровно один заказ за всё время: главное — второй заказ.
preset-repeat-buyers = Постоянные покупатели
preset-repeat-buyers-about = Два заказа и больше.
preset-cross-sell = Кросс-продажа
preset-cross-sell-about = Покупали категорию X, но не Y: предложите Y.

## Segments screen
segments-title = Сегменты
segments-none = Сохранённых сегментов пока нет. Соберите условия справа или возьмите готовый.
segment-new = Новый
segment-presets = Готовые ▾
segment-name = Название
segment-name-hint = например, «Любят скидки, Сибирь»
segment-notes = Заметка
segment-save = Сохранить
segment-saved = Сегмент «{ $name }» сохранён.
segment-duplicate = Копия
segment-copy-name = { $name } (копия)
segment-delete = Удалить
segment-delete-confirm = Удалить сегмент «{ $name }»? Сегменты, которые на него ссылаются, перестанут считаться.
segment-json = Правило как JSON
segment-export = Выгрузить в CSV…
segment-export-title = Выгрузка контактов сегмента
segment-export-file = Куда сохранить (CSV для Excel)
segment-export-go = Выгрузить
segment-export-default = сегмент
segment-exported = { $count ->
    [one] Выгружен { $shown } контакт.
    [few] Выгружено { $shown } контакта.
   *[many] Выгружено { $shown } контактов.
}
segment-count = { $count ->
    [one] { $shown } контакт
    [few] { $shown } контакта
   *[many] { $shown } контактов
}
segment-preview = Первые { $shown } по номеру:
funnel-explain = Справа у условий — сколько остаётся после каждого по порядку.
funnel-hint = Сколько контактов остаётся после этого условия и всех выше
mode-all = Все
mode-any = Любое
mode-none = Ни одно
mode-hint = Как условия группы складываются
mode-of-these = из условий:
rule-add-condition = + условие
rule-add-group = + группа
rule-remove = Убрать
rule-up = Выше
rule-down = Ниже
rule-drag = Перетащите, чтобы поменять порядок
rule-in-last = за последние
rule-days = дн.
rule-days-ago = дн. назад
rule-days-hint = Число дней (по вашему часовому поясу; сегодня — первый день)
cond-type-hint = Что проверяем
cond-type-field = Поле
cond-type-created = Дата появления
cond-type-consent = Согласие
cond-type-status = Статус
cond-type-tags = Теги
cond-type-events = События
cond-type-last_event = Последнее событие
cond-type-sleeping = Спящий
cond-type-flow = Прошёл цепочку
cond-type-orders = Заказы
cond-type-never_ordered = Ни разу не покупал
cond-type-bought = Покупал
cond-type-segment = Сегмент
seg-field-hint = Поле контакта
seg-field-name = Имя
seg-field-first_name = Имя для обращения
seg-field-city = Город
seg-field-region = Регион
seg-field-time_zone = Часовой пояс
seg-field-channel = Канал
seg-field-source = Источник
seg-field-utm_source = utm_source
seg-field-utm_medium = utm_medium
seg-field-utm_campaign = utm_campaign
seg-field-utm_content = utm_content
seg-field-utm_term = utm_term
text-op-hint = Как сравнить
text-op-equals = равно
text-op-not_equals = не равно
text-op-one_of = одно из
text-op-contains = содержит
text-op-is_empty = пусто
text-value-hint = Значение
date-op-hint = Когда
date-op-before = раньше
date-op-after = позже
date-op-within_days = за последние
date-hint = Дата (по вашему часовому поясу)
tag-op-hint = Как проверить теги
tag-op-has = есть тег
tag-op-has_not = нет тега
tag-op-has_any = есть любой из
tag-op-has_all = есть все
tag-hint = Тег или группа тегов (группа: интерес:*)
event-kind-hint = Какое событие
cmp-hint = Сравнение
events-count-hint = Сколько раз
events-times = раз
events-button = кнопка
events-campaign = кампания
recency-hint = Когда было последнее
recency-more_than = больше чем
recency-less_than = меньше чем
recency-never = никогда
sleeping-last = последние
sleeping-campaigns = доставленных кампаний без реакции
sleeping-hint = Сколько кампаний подряд
flow-hint = Цепочка кнопок (создаётся в «Цепочки кнопок…» слева)
measure-hint = Что считаем
measure-count = число заказов
measure-total = сумма покупок
measure-average = средний чек
measure-days_since_last = дней с последнего заказа
measure-value-hint = Число
bought-hint = Что покупал
bought-category = категорию
bought-product = товар
member-hint = Сохранённый сегмент
member-in = входит в
member-not_in = не входит в
picker-choose = выбрать…
picker-add = + добавить
picker-remove = Убрать значение
picker-filter = поиск…
picker-typed = Взять как написано
picker-more = …уточните поиск
picker-empty = в базе пока нет значений
json-title = Правило (JSON)
json-explain = Это правило целиком. Его можно скопировать и вставить другое — проверю перед тем, как применить.
json-copy = Копировать
json-apply = Применить
overlap-open = Пересечения сегментов
overlap-need-two = Нужно хотя бы два сохранённых сегмента
overlap-title = Пересечения сегментов
overlap-explain = Сколько контактов у каждой пары сегментов общие; на диагонали — размер сегмента.
meaning-question = Один вопрос, чтобы собрать сегмент: { $what }?
meaning-once = Ответ сохранится в базе, и я больше не спрошу. Передумаете — «Готовые ▾ → Забыть ответы».
meaning-no-values = В базе нет подходящих значений: сначала импортируйте контакты или заказы.
meaning-use = Использовать
error-lost-job = Фоновая задача прервалась. Попробуйте ещё раз.
meaning-forget = Забыть ответы
meaning-forget-hint = Какой тег значит «скидки», какой источник — «QR» и т. п.: готовые сегменты спросят заново
flow-error-not-found = Цепочки «{ $flow }» нет.
flows-open = Цепочки кнопок…
flows-title = Цепочки кнопок
flows-explain = Цепочка — кнопки, которые клиент нажимает по порядку («Узнать цену» → «Купить»). Условие «Прошёл цепочку» отбирает тех, кто нажал их все: глубина вовлечения.
flows-none = Цепочек пока нет.
flows-delete = Удалить цепочку
flows-name = Название
flows-buttons = Кнопки по порядку:
flows-save = Сохранить цепочку
segment-preview-none = Никто не подходит под эти условия.

## RFM
setting-rfm-as-of = дата, на которую считается RFM (ГГГГ-ММ-ДД; пусто — сегодня)
setting-rfm-recency-cuts = свои границы давности, дни: четыре числа по возрастанию (пусто — квинтили)
setting-rfm-frequency-cuts = свои границы частоты, заказы: четыре числа по возрастанию (пусто — квинтили)
setting-rfm-monetary-cuts = свои границы суммы, рубли: четыре числа по возрастанию (пусто — квинтили)
rfm-error-cuts = { $key }: «{ $value }» — нужны четыре неотрицательных числа по возрастанию, например 30, 60, 120, 240.
rfm-error-date = «{ $value }» — не дата: нужна ГГГГ-ММ-ДД, например 2026-06-30.
cli-rfm-written = { $count ->
    [one] Записан { $shown } покупатель → { $path }
    [few] Записано { $shown } покупателя → { $path }
   *[many] Записано { $shown } покупателей → { $path }
}
cli-rfm-head = RFM на { $as_of }: покупателей { $scored }, без покупок { $without }. Границы баллов (выше k границ — балл k+1; для давности наоборот):
rfm-from-totals = По итогам покупок из выгрузки клиентов (заказов в базе у них нет) оценено: { $scored }.{ $undated ->
        [0] {""}
       *[other] {" "}Без даты последней покупки и потому без оценки: { $undated }.
    }
rfm-dim-recency = давность, дней
rfm-dim-frequency = частота, заказов
rfm-dim-monetary = сумма
rfm-group-champions = Чемпионы
rfm-group-loyal = Лояльные
rfm-group-potential_loyalists = Потенциально лояльные
rfm-group-new = Новые
rfm-group-promising = Перспективные
rfm-group-need_attention = Требуют внимания
rfm-group-about_to_sleep = Засыпают
rfm-group-at_risk = В зоне риска
rfm-group-cant_lose = Нельзя потерять
rfm-group-hibernating = Спящие
rfm-group-lost = Потерянные
rule-error-rfm-range = Условие { $spot }: балл { $score } от { $from } до { $to } — баллы RFM бывают от 1 до 5, и «от» не больше «до».
cond-type-rfm = RFM
rfm-groups-hint = Группы RFM (любая из выбранных)
rfm-score-hint = Ограничить балл (1–5)
rfm-score-from = Балл от
rfm-score-to = Балл до

preset-group-rfm = Группы RFM
preset-rfm-champions = RFM: Чемпионы
preset-rfm-champions-about = Покупали недавно и часто: благодарите, зовите первыми на новинки, просите отзывы — без лишних скидок.
preset-rfm-loyal = RFM: Лояльные
preset-rfm-loyal-about = Покупают регулярно: программа лояльности, допродажи, ранний доступ.
preset-rfm-potential_loyalists = RFM: Потенциально лояльные
preset-rfm-potential_loyalists-about = Недавние покупатели с парой заказов: предложите подписку или бонус за следующий заказ.
preset-rfm-new = RFM: Новые
preset-rfm-new-about = Первая покупка совсем недавно: приветственная цепочка и повод вернуться.
preset-rfm-promising = RFM: Перспективные
preset-rfm-promising-about = Недавно купили один раз: помогите со вторым заказом — подборка по интересу.
preset-rfm-need_attention = RFM: Требуют внимания
preset-rfm-need_attention-about = Средняя давность и частота: персональное предложение, пока не остыли.
preset-rfm-about_to_sleep = RFM: Засыпают
preset-rfm-about_to_sleep-about = Давно и редко: напомните о себе полезным, небольшой скидкой.
preset-rfm-at_risk = RFM: В зоне риска
preset-rfm-at_risk-about = Покупали часто, но давно: персональное письмо и сильное предложение вернуться.
preset-rfm-cant_lose = RFM: Нельзя потерять
preset-rfm-cant_lose-about = Бывшие лучшие клиенты давно не покупали: лично свяжитесь, узнайте, что не так.
preset-rfm-hibernating = RFM: Спящие
preset-rfm-hibernating-about = Давно и мало: одно недорогое напоминание, без частых рассылок.
preset-rfm-lost = RFM: Потерянные
preset-rfm-lost-about = Дольше всех не покупали и редко: одна попытка реактивации, потом не тратьте сообщения.
rfm-empty = Пока не с чего считать RFM: в базе нет заказов на эту дату. Импортируйте файл заказов (Файл → Импорт файла…).
rfm-as-of = На дату
rfm-as-of-hint = RFM считается на конец этого дня; заказы позже не учитываются
rfm-recompute = Пересчитать
rfm-log-scale = Логарифмическая шкала
rfm-own-cuts = Свои границы баллов:
rfm-apply-cuts = Применить
rfm-cuts-hint = Четыре числа по возрастанию; пустое поле — квинтили по вашей базе
rfm-head = RFM на { $as_of }: покупателей { $scored }, ещё без покупок { $without }. Границы баллов:
rfm-own = свои
rfm-x-axis = Давность, дней с последнего заказа
rfm-y-axis = Частота, заказов
rfm-density = Плотность покупателей
rfm-hover = №{ $id } { $customer } { $phone }
    давность { $recency } дн., заказов { $frequency }, сумма { $monetary }
    RFM { $score } — { $group }
rfm-hover-more = { $count ->
    [one] и ещё { $shown } покупатель в этой точке
    [few] и ещё { $shown } покупателя в этой точке
   *[many] и ещё { $shown } покупателей в этой точке
}
rfm-grid-title = Сетка R × F
rfm-grid-hint = В клетке: покупателей, доля покупателей / доля выручки. Рамка — цвет группы. Щелчок — открыть как сегмент.
rfm-cell-hint = R = { $r }, F = { $f }: группа «{ $group }». Щелчок — открыть как сегмент.
rfm-col-group = Группа
rfm-col-customers = Покупателей
rfm-col-share = Доля
rfm-col-revenue = Доля выручки
rfm-col-aov = Средний чек
rfm-col-advice = Что им отправить
rfm-open-segment = Открыть как сегмент
rfm-money-title = Сколько в среднем потратил покупатель группы, ₽

## Message templates
template-unclosed = Не закрыта переменная: после «{"{{"}» нужны «{"}}"}».
template-empty-name = Пустая переменная: между «{"{{"}» и «{"}}"}» нужно имя, например {"{{"}first_name{"}}"}.
template-empty-fallback = У переменной «{ $name }» пустая замена после «|»: напишите, что подставить, или уберите «|».
template-unknown = Нет такой переменной: «{ $name }».
campaign-error-json = Кампания не читается (строка { $line }, столбец { $column }): { $reason }
campaign-error-segment = В кампании указан сегмент «{ $segment }», а его нет.
campaign-error-template = Вариант «{ $variant }», символ { $position }: { $reason }
campaign-missing = Пусто и без замены: { $name }
cli-no-campaign = «{ $value }» — не файл кампании и не сохранённая кампания.
cli-no-results-campaign = «{ $value }» — не файл кампании, не сохранённая кампания и не кампания с планами или результатами в этой базе.
cli-campaign-saved = Кампания «{ $name }» сохранена.
campaign-sms-parts = Самое длинное SMS (контакт №{ $id }) — частей: { $parts }.
campaign-too-long = Слишком длинно: у контакта №{ $id } сообщение { $length } символов при пределе { $limit }.
campaign-length = Самое длинное сообщение (контакт №{ $id }): { $length } из { $limit } символов.
campaign-missing-count = «{ $name }» пусто без замены у { $count ->
    [one] { $shown } получателя
   *[other] { $shown } получателей
}: { $ids }

## Messages screen
messages-title = Кампании
messages-new = Новая
messages-load-file = Открыть файл…
messages-save-file = Сохранить в файл…
messages-load = Открыть
messages-none = Сохранённых кампаний пока нет.
messages-no-segments = Сначала сохраните хотя бы один сегмент на экране «Сегменты»: вариант сообщения адресуется сегменту.
messages-variant-default = Вариант { $n }
messages-text-default = {"{{"}first_name|Здравствуйте{"}}"}, 
campaign-name = Название
campaign-name-hint = например, Весенняя распродажа
campaign-channel = Канал
campaign-save = Сохранить
campaign-saved = Кампания «{ $name }» сохранена.
campaign-loaded = Кампания «{ $name }» открыта из файла; сохраните её, чтобы она была в базе.
campaign-duplicate = Копия
campaign-delete = Удалить
campaign-delete-confirm = Удалить кампанию «{ $name }»?
campaign-error-no-name = У кампании должно быть название.
campaign-error-no-variants = В кампании нет ни одного варианта: добавьте вариант с сегментом и текстом.
campaign-error-share = { $place }: доля B { $percent } % — возможно от 1 до 99 %.
campaign-error-buttons = { $place }: кнопок { $count }, а в сообщении их может быть не больше { $max }.
campaign-error-button-text = { $place }: у кнопки нет текста.
campaign-place-variant = Вариант «{ $variant }»
scenario-place-step = Шаг { $step }
campaign-error-exists = Кампания «{ $name }» уже есть: выберите другое название (в командной строке заменить её можно ключом --replace).
campaign-file = Файл кампании (JSON)
campaign-file-saved = Сохранено в { $path }.
campaign-never = Никогда не отправлять:
campaign-skip-sleeping = Не отправлять «спящим»: без реакции на последние
campaign-sleeping-after = кампании
campaign-sleeping-hint = Сколько доставленных подряд кампаний без прочтения, нажатия или ответа делают контакт «спящим».
campaign-interest = {"{{"}interest{"}}"} берётся из группы тегов:
campaign-interest-hint = Группа тегов, из которой берётся интерес, например «интерес:*»
campaign-values = Значения кампании:
campaign-value-add = Добавить значение
campaign-variants = Варианты
campaign-variants-hint = контакт получает первый подходящий вариант сверху
campaign-variant-name = Вариант
campaign-variant-name-of = Название варианта { $n }
campaign-variant-segment = Сегмент
campaign-variant-gets = Получат
campaign-variant-ab = A/B
campaign-variant-edit = Редактировать текст этого варианта
campaign-variant-up = Выше по приоритету
campaign-variant-down = Ниже по приоритету
campaign-variant-remove = Удалить вариант
campaign-variant-add = Добавить вариант
campaign-gets-ab = A: { $a } · B: { $b }
campaign-counting = считаю получателей…
campaign-audience = Получат: { $gets } из { $of } в сегментах
campaign-text-of = Текст варианта «{ $variant }»
campaign-arm-a = Текст A
campaign-arm-b = Текст B
campaign-text = Текст сообщения
campaign-insert = Вставить:
campaign-insert-hint = Вставить переменную туда, где стоит курсор. Замена для пустого значения пишется через черту: {"{{"}first_name|друг{"}}"}
campaign-fault-at = Строка { $line }, символ { $column }: { $reason }
campaign-buttons = Кнопки
campaign-buttons-hint = до трёх; нажатие ставит контакту тег
campaign-button-n = Кнопка { $n }
campaign-button-tag = тег:
campaign-button-flow = цепочка:
campaign-button-add = Добавить кнопку
preview-title = Как увидит получатель
preview-variant = Вариант «{ $variant }», группа { $arm }
preview-nobody = Получателей нет: проверьте сегменты, согласия и исключения.
preview-previous = Предыдущий получатель
preview-next = Следующий получатель
preview-random = Случайный
preview-position = { $n } из { $total }
preview-search = Найти:
preview-search-hint = имя или телефон
preview-search-none = Никого не нашлось.
preview-not-in-segments = не входит в сегменты вариантов
preview-whatsapp = Шаблон для WhatsApp и параметры этого получателя
preview-empty-parameter = пусто — WhatsApp отклонит
preview-length = { $length } из { $limit } символов
preview-sms-size = SMS: частей { $parts } ({ $units } симв., { $coding })
checks-title = Проверка всех получателей
checks-waiting = Проверю, когда тексты и получатели будут готовы.
checks-no-gaps = У всех получателей все переменные заполнены.
checks-gap = «{ $name }» пусто без замены: { $count }
checks-more = …и ещё { $count }
exclusion-no-consent = нет согласия
exclusion-unsubscribed = отписались
exclusion-blocked = заблокировали
exclusion-never-send = в «никогда не отправлять»
exclusion-other-channel = другой канал
exclusion-telegram-username-only = в Telegram только @имя
exclusion-no-address = нет адреса

## Send plans
cli-plan-done = В плане { $planned } из { $of } контактов сегментов → { $path }
plan-best-hours = Время отправки: свой лучший час — { $learned }, час сегмента — { $segment }, час всей базы — { $base }, время плана — { $default }
plan-moved-later = Перенесено на следующие дни из-за лимита номера: { $count }
plan-error-date = «{ $value }» — не дата; нужна ГГГГ-ММ-ДД, например 2026-12-01.
plan-error-time = «{ $value }» — не время; нужно ЧЧ:ММ, например 10:00.
plan-error-span = «{ $value }» — не промежуток; нужно ЧЧ:ММ-ЧЧ:ММ, например 21:00-09:00.
error-bad-number = «{ $value }» — нужно целое число больше нуля (или off).
error-bad-tier = «{ $value }» — не уровень WhatsApp; возможны: { $tiers }.
exclusion-capped = недавно получали сообщения
setting-plan-quiet-hours = тихие часы по местному времени контакта, ЧЧ:ММ-ЧЧ:ММ (off — без них)
setting-plan-cap-hours = не писать контакту чаще, чем раз в столько часов (off — без ограничения)
setting-plan-cap-week = не больше стольких сообщений контакту за 7 дней (off — без ограничения)
setting-plan-whatsapp-tier = уровень номера WhatsApp: уникальных получателей за скользящие 24 часа (250, 2000, 10000, 100000, unlimited)

## Plan screen
plan-title = План рассылки
plan-campaign = Кампания
plan-no-campaigns = Сначала сохраните кампанию на экране «Сообщения».
plan-date = День отправки
plan-time = Время (местное у каждого)
plan-at = ровно в
plan-window = в промежутке
plan-quiet = Тихие часы
plan-quiet-on = не писать с … до …
plan-caps = Частота
plan-cap-hours = не чаще раза в часов:
plan-cap-week = не больше за 7 дней:
plan-tier = Лимит номера WhatsApp
plan-tier-hint = уникальных получателей за любые 24 часа
plan-tier-n = { $n } в сутки
plan-estimate = Получат { $recipients }; { $limit ->
    [none] дней: { $days }
   *[other] при { $limit } в сутки дней: { $days }
}, последнее сообщение { $last } (оценка по часовым поясам, без ограничений частоты).
plan-estimate-tier = С уровнем { $tier }: дней { $days }, последнее { $last }.
cli-plan-no-out = Укажите, куда записать план: --out ПУТЬ (или --dry-run, чтобы ничего не планировать).
plan-tier-unlimited = без лимита
plan-priority = Кого первыми, если не все влезают
plan-priority-variant = по порядку вариантов
plan-priority-rfm = по RFM: лучшие клиенты первыми
plan-build = Составить план
plan-not-built = Выберите кампанию и день и нажмите «Составить план».
plan-summary = В плане { $planned } из { $of } контактов сегментов
plan-per-variant = По вариантам
plan-per-day = По дням
plan-more-days = …и ещё дней: { $count }, до { $last }
plan-excluded = Не попали в план
plan-moved = перенесены на следующие дни (лимит)
plan-who = Кто: { $reason }
plan-who-hint = Показать этих контактов
plan-best-hour = лучший час каждого в промежутке
plan-best-hour-hint = Час, в который человек сам читает, нажимает и отвечает (по результатам прошлых рассылок за полгода); если его не видно — час его сегмента или всей базы; если и его нет — время «ровно в».
plan-best-hour-fallback = С лучшим часом: время для тех, чей час не известен ни по ним, ни по сегменту, ни по базе.
plan-reactions = Реакции базы по местному часу ({ $reactions }, только те, что показывают своё время человека); свой лучший час известен у { $learned } контактов
plan-reactions-series = реакции, % за сутки
plan-reactions-plan = план по местному времени, %
plan-reactions-none = Лучший час пока не из чего узнать: загрузите результаты рассылок с прочтениями, нажатиями или ответами — всем будет назначено время «ровно в».
plan-hours = Отправки по часам
plan-hours-utc = UTC
plan-hours-local = местное время
plan-export = Выгрузка для сервиса рассылки
plan-format = Формат
plan-format-csv-semicolon = CSV с «;» (Excel)
plan-format-csv-comma = CSV с «,»
plan-file = Файл
plan-export-button = Сохранить план и выгрузить
plan-exported = Выгружено сообщений: { $rows } → { $path }. План сохранён в базе.
plan-export-cancelled = Выгрузка отменена.
plan-warning-title = Перед выгрузкой проверьте
plan-warning-gap = «{ $name }» пусто без замены у { $count } получателей — они получат текст с пропуском.
plan-warning-moved = { $count } получателей не помещаются в лимит номера и перенесены на следующие дни (всего дней: { $days }).
plan-warning-limit = С прежними планами в какие-то 24 часа выходит { $fullest } получателей при лимите { $limit }.
plan-export-anyway = Всё равно выгрузить
plan-first-rows = Первые строки плана: { $count }
plan-col-id = message_id
plan-col-name = Имя
plan-col-address = Адрес
plan-col-variant = Вариант
plan-col-local = Местное
plan-col-zone = Пояс
plan-col-utc = UTC
plan-col-text = Текст
reject-unknown-message = нет сохранённого плана с сообщением «{ $id }», а колонки с клиентом нет

## Results
results-header = Результаты кампании «{ $campaign }» (доли — от доставленных)
results-total = Всего
results-unplanned = вне планов
results-no-reads = Канал не сообщает о прочтении: вовлечённость — только нажатия и ответы.
ab-not-enough = пока мало данных
ab-no-difference = B: { $pp } п. п. нажатий, разница пока не значима
ab-significant = B: { $pp } п. п. нажатий, значимо на уровне 95 %
warning-block-rate = Блокируют слишком часто: вариант «{ $variant }» (сегмент «{ $segment }») — { $rate } при пороге { $threshold }. Блокировки вредят номеру WhatsApp.
warning-unsubscribe-rate = Отписываются слишком часто: вариант «{ $variant }» (сегмент «{ $segment }») — { $rate } при пороге { $threshold }.
results-title = Результаты
results-import = Загрузить результаты…
results-none = Результатов пока нет: загрузите файл сервиса рассылки (события или статусы сообщений).
results-choose = Выберите кампанию слева.
results-planned = В плане
results-sent = Отправлено
results-delivered = Доставлено
results-read = Прочитали
results-click = Нажали
results-reply = Ответили
results-unsubscribe = Отписались
results-block = Заблокировали
results-col-variant = Вариант
results-col-segment = Сегмент
results-make-segment = Сделать сегмент:
results-clicked = нажали «{ $button }»
results-clicked-name = Нажали «{ $button }» в «{ $campaign }»
results-unread = не прочитали
results-unread-name = Не прочитали «{ $campaign }»
results-per-variant = Доли по вариантам, % от доставленных
results-trend = По кампаниям, % от доставленных
results-trend-counting = Считаю по всем кампаниям…
results-thresholds = Предупреждать, если блокируют больше
results-thresholds-or = или отписываются больше
results-thresholds-end = от доставленных (или вдвое чаще, чем в среднем по базе)
results-block-threshold = Порог блокировок, % от доставленных
results-unsubscribe-threshold = Порог отписок, % от доставленных
warning-sleeping = Доля «спящих» растёт: { $before } → { $now } после последней загрузки результатов. Пишите им реже или предложите что-то другое.
error-bad-percent = «{ $value }» — нужен процент больше 0 и не больше 100.
setting-results-block-threshold = предупреждать, если блокируют больше стольких % доставленных
setting-results-attribution-days = шаг сценария сработал, если покупатель сделал заказ в течение стольких дней после доставки
error-bad-days = «{ $value }» — не число дней от 1 до 90.
setting-results-unsubscribe-threshold = предупреждать, если отписываются больше стольких % доставленных
plan-saved = Сохранённые планы: { $count }
plan-saved-hint = Их учитывают ограничения частоты и лимит номера, по ним сопоставляются результаты.
plan-delete = Удалить план: частота и лимит перестанут его учитывать, результаты по нему не сопоставятся

## Background work, named when it stops on an internal error
job-lost = Внутренняя ошибка прервала работу «{ $work }»: { $reason }. Повторите; если ошибка вернётся, сообщите о ней разработчикам.
job-lost-short = Внутренняя ошибка прервала работу «{ $work }».
job-lost-dismiss = Нажмите, чтобы убрать.
work-read-base = чтение базы
work-save-settings = сохранение настроек
work-demo = создание демо-базы
work-count = подсчёт сегмента
work-save = сохранение
work-overlap = пересечения сегментов
work-segment-export = выгрузка сегмента
work-search = поиск
work-read-contacts = чтение контактов
work-results = результаты кампании
work-file-dialog = выбор файла
work-plan = составление плана
work-plan-export = выгрузка плана
work-campaign-file = файл кампании
work-audience = аудитория кампании
work-checks = проверка получателей
work-message-preview = предпросмотр сообщения
work-import-preview = предпросмотр импорта
work-import = импорт
work-write-rejects = сохранение отклонённых строк
work-rfm = RFM-анализ
work-explain = Объяснение сегмента

## What the import recognised in a file
import-origin = Распознан { $origin }.
import-consent-stated = Все люди в этом файле согласились получать сообщения
import-consent-source = Где дали согласие:
import-consent-source-hint = например, форма на сайте
import-consent-date = Когда:
import-consent-proof = Согласие запишется каждому контакту файла (у строк со своим столбцом согласия останется их). Вы должны уметь его доказать (38-ФЗ): сохраните форму, договор или выгрузку, откуда оно. Согласие на обработку персональных данных — не согласие на рекламу.
import-id-system = Id в этом файле — id системы «{ $system }»; другая система:
import-id-system-hint = У разных систем свои id: клиент 5012 в amoCRM и клиент 5012 в 1С — разные люди. Назовите систему одним словом (например, 1c), если файл не из неё.
origin-amocrm-contacts = экспорт контактов amoCRM
origin-bitrix24-contacts = экспорт контактов Битрикс24
origin-tilda-leads = выгрузка заявок Tilda
origin-shopify-customers = экспорт покупателей Shopify
origin-shopify-orders = экспорт заказов Shopify
origin-woocommerce-orders = экспорт заказов WooCommerce
import-phones = Номер для рассылки берётся из столбцов по порядку: { $columns } — первый мобильный, иначе первый верный.
import-custom = Сохранятся как дополнительные поля: { $columns }.
import-remembered = Применён ваш выбор столбцов для файлов с такими заголовками: { $columns }.
profile-error-field = Поле столбца «{ $field }» неизвестно. Поля: message_id, contact_id, external_id, phone, telegram, name, first_name, city, channel, campaign, variant, arm, text, sms_parts, moment, local_time, send_at_utc, time_zone, wa_template, wa_language, wa_params, var:имя, custom:имя.
profile-error-phone-format = Формат телефона «{ $format }» неизвестен: e164 (+79123456789), digits (79123456789) или national (89123456789).
profile-error-moment-format = Формат времени «{ $format }» не читается: используйте %Y, %m, %d, %H, %M, %S, например %Y-%m-%d %H:%M.
profile-error-json = Профиль не читается (строка { $line }): { $reason }
profile-error-version = Профиль версии { $version } эта версия Адресата не знает (знает версию 1).
profile-error-name = У профиля нет названия.
profile-error-no-columns = В профиле нет ни одного столбца.
profile-error-separator = Разделитель «{ $value }» не подходит: «;», «,», «|» или табуляция.
profile-error-plain-header = Заголовок «{ $header }» не подходит сервису: только латинские буквы, цифры и «_».
profile-error-header-twice = Заголовок «{ $header }» встречается дважды.
profile-error-shipped = «{ $name }» — встроенный профиль: его нельзя изменить или удалить. Сделайте копию под другим названием.
profile-error-not-found = Профиля «{ $name }» нет. Есть: { $names }.
profile-saved = Профиль «{ $name }» сохранён в базе.
profile-deleted = Профиль «{ $name }» удалён.
profile-finding-cp1251 = { $count ->
        [one] { $shown } текст содержит
        [few] { $shown } текста содержат
       *[many] { $shown } текстов содержат
    } знаки, которых нет в кодировке cp1251 ({ $chars }; { $who }): в файле они станут «?». Сохраните в UTF-8, если сервис его принимает.
profile-finding-wa-space = { $count ->
        [one] У { $shown } получателя параметр
       *[other] У { $shown } получателей параметр
    } WhatsApp содержит перевод строки, табуляцию или пять пробелов подряд ({ $who }): Meta отклонит такие сообщения.
profile-finding-too-soon = { $count ->
        [one] { $shown } сообщение назначено
        [few] { $shown } сообщения назначены
       *[many] { $shown } сообщений назначены
    } раньше чем через { $minutes } мин или уже в прошлом ({ $who }): сервис их не примет. Постройте план на более позднее время.
profile-finding-too-late = { $count ->
        [one] { $shown } сообщение назначено
        [few] { $shown } сообщения назначены
       *[many] { $shown } сообщений назначены
    } дальше чем через { $days } дн. ({ $who }): сервис их не примет.
profile-finding-repeated = { $count ->
        [one] { $shown } номер встречается
        [few] { $shown } номера встречаются
       *[many] { $shown } номеров встречаются
    } в файле дважды ({ $who }): шлюз оставит только первую строку номера.
profile-finding-empty = { $count ->
        [one] У { $shown } получателя пусто
       *[other] У { $shown } получателей пусто
    } значение, которое профиль требует ({ $who }): файл не записан. Заполните поле или разрешите в профиле пустые значения.
plan-error-too-many-batches = План разбивается на { $count } файлов, больше { $most }: выберите разбивку крупнее (по дням или по поясам).
export-error-folder-taken = Папка «{ $path }» уже существует и не пуста: выберите новую папку для файлов плана.
cli-plan-reexported = Сохранённый план выгружен заново: { $rows } сообщ. → { $path }
cli-plan-dropped = выбыли с момента планирования ({ $reason }): { $count }
cli-plan-gone = удалены из базы с момента планирования: { $count }
plan-profile = Сервис рассылки
plan-profile-edit = Настроить профиль…
plan-profile-adresat = все поля плана (Адресат)
plan-profile-whatsapp = WhatsApp Business API: загрузка шаблонов
plan-profile-sms = SMS-шлюз: «номер;текст», cp1251
plan-profile-telegram = Telegram-бот: chat id и текст
plan-profile-api = API с расписанием (UTC, как Twilio)
plan-split = Разбить на файлы
plan-split-none = одним файлом
plan-split-hour = по часу отправки
plan-split-day = по дню получателя
plan-split-zone = по часовому поясу
plan-folder = Новая папка для файлов
plan-checking = Проверка для сервиса…
plan-export-utf8 = Сохранить в UTF-8
plan-open-folder = Открыть папку
plan-open-folder-failed = Не удалось открыть папку «{ $path }»: { $reason }
plan-batch-file = Файл
plan-batch-utc = Начало, UTC
plan-batch-owner = Начало, ваше время
plan-batch-messages = Сообщений
plan-batch-parts = Частей SMS
profile-title = Профиль выгрузки
profile-copy-name = { $name } (копия)
profile-name = Название
profile-file-type = Тип файла
profile-encoding = Кодировка
profile-encoding-utf8-bom = UTF-8 для Excel (с BOM)
profile-separator = Разделитель
profile-separator-tab = табуляция
profile-missing = Пустое значение
profile-missing-fallback = замена из текста
profile-missing-empty = оставить пустым
profile-missing-refuse = не выгружать
profile-moment-zone = Время отправки по часам
profile-zone-contact = получателя
profile-zone-owner = вашим
profile-moment-format = Формат времени
profile-header-row = Строка заголовков
profile-plain-headers = Заголовки только латиницей
profile-unique-phone = Номер не повторяется
profile-columns = Столбцы
profile-col-field = Что в столбце
profile-col-header = Заголовок
profile-col-format = Формат
profile-up = Выше
profile-down = Ниже
profile-remove-column = Убрать столбец
profile-add-column = + Столбец
profile-preview = Первые строки файла:
profile-save = Сохранить в базе
profile-delete = Удалить профиль
profile-var-name = имя
profile-header-default = как поле
profile-format-default = как в профиле
profile-split = Разбить на файлы
profile-preview-no-header = Первые строки файла (строки заголовков в файле нет, названия столбцов — для вас):
campaign-wa-template = Шаблон WhatsApp
campaign-wa-language = язык
campaign-wa-template-hint = как он одобрен в Meta — попадёт в выгрузку для провайдера
plan-again = Выгрузить снова
plan-again-hint = Выгрузить этот план заново в любом профиле, не составляя его снова: время и номера сообщений прежние, тексты, согласия и статусы — по базе сегодня.
plan-exported-again = Выгружено сообщений: { $rows } → { $path }. Сохранённый план не изменён.
plan-saved-again = Сохранённый план «{ $campaign }» на { $date }: выгрузка без нового планирования. Кто выбыл с момента планирования — в списке «Не попали в план».
profile-min-ahead = Не раньше чем через, мин
profile-max-ahead = Не дальше чем через, дней
warn-own-activity-kinds = Виды действий, которых нет среди стандартных (просмотр, корзина, оформление, избранное, заказ), сохранены под вашими названиями: { $kinds }. Проверьте, что это не опечатки.
cond-type-activity = Действия на сайте
activity-did = сделал
activity-did-not = не сделал
activity-did-hint = Было ли такое действие
activity-kind-hint = Какое действие (из файла событий магазина или сайта)
activity-kind-viewed = смотрел товар
activity-kind-carted = добавил в корзину
activity-kind-checkout = начал оформление
activity-kind-favourited = добавил в избранное
activity-kind-ordered = оформил заказ
activity-product = товар
activity-category = категория
window-ever = за всё время
window-days = за последние … дней
window-hours = за последние … часов
window-hint = За какой срок
rule-hours = ч.
rule-hours-hint = Число часов до момента подсчёта
rule-error-window = Условие { $spot }: укажите срок в днях или в часах, не то и другое сразу.
rule-error-unknown-activity = Условие { $spot }: действий «{ $kind }» в базе нет (загрузите файл событий магазина или сайта).
scenario-error-json = Сценарий не читается (строка { $line }, столбец { $column }): { $reason }
scenario-error-version = Сценарий версии { $version } — эта программа понимает версию { $supported }.
scenario-error-no-name = У сценария нет названия.
scenario-error-no-steps = В сценарии нет ни одного шага.
scenario-error-left-no-filter = «Выход при выходе из сегмента» задан, а сегмента входа нет.
scenario-error-exit-button = Выход по нажатию кнопки «{ $button }», но такой кнопки нет ни в одном шаге.
scenario-error-segment = Сегмента «{ $segment }» нет в базе.
scenario-error-activity = Действий «{ $kind }» в базе нет (загрузите файл событий магазина или сайта).
scenario-error-no-order-days = «Не покупал N дней»: N должно быть не меньше 1.
scenario-error-yearly-field = Поля «{ $field }» с датой нет в базе.
scenario-error-text = Шаг { $step }: текст пустой.
scenario-error-template = Шаг { $step }, символ { $position }: { $reason }
scenario-error-time = Шаг { $step }: время «{ $value }» не понятно, ожидается ЧЧ:ММ.
scenario-error-expiry = Шаг { $step }: срок годности должен быть не меньше часа.
scenario-error-first-condition = Шаг { $step }: у первого шага нет предыдущего — его условие может быть только «всегда».
scenario-error-read-channel = Шаг { $step }: этот канал не сообщает о прочтении — выберите «доставлено без реакции» или нажатие кнопки.
scenario-error-condition-button = Шаг { $step }: в предыдущем шаге нет кнопки «{ $button }».
scenario-error-taken = Сценарий «{ $name }» уже есть — выберите другое название или замените его (--replace).
scenario-error-stored = Сохранённый сценарий «{ $name }» не читается: { $reason }
scenario-error-not-found = Сценария «{ $name }» нет.
cli-scenario-saved = Сценарий «{ $name }» сохранён.
scenario-error-window = Окно кончается раньше, чем начинается: «до» должно быть позже «сейчас».
scenario-end-completed = последний шаг запланирован
scenario-end-ordered = сделал заказ
scenario-end-replied = ответил
scenario-end-unsubscribed = отписался
scenario-end-blocked = заблокировал
scenario-end-clicked = нажал кнопку выхода
scenario-end-left-filter = вышел из сегмента входа
scenario-end-expired = шаг истёк, не успев уйти
scenario-end-no-results = нет результатов, чтобы решить, до истечения шага
scenario-end-unreachable = нет согласия или адреса в канале
scenario-end-sleeping = среди «спящих»
scenario-not-entered-in-chain = уже в этой цепочке
scenario-not-entered-cooldown = пауза перед повторным входом не прошла
scenario-not-entered-filter = не в сегменте входа
scenario-not-entered-unreachable = нет согласия или адреса в канале
cli-scenario-run-head = Запуск { $now } → { $until }: сообщений { $messages }
cli-scenario-run-line = { $scenario }: поводов { $triggers }, вошли { $entered }, запланировано { $planned }, ждут { $waiting }
cli-scenario-run-noted = { $scenario }: первый запуск — в сегменте отмечено { $count }, никто не вошёл (войдут те, кто попадёт в него позже)
cli-scenario-run-step = шаг { $step }: { $count }
cli-scenario-run-reason = { $reason }: { $count }
cli-scenario-run-nothing = В этом окне ничего не причитается; запуск сохранён, файл не записан.
cli-scenario-run-file = → { $path }
cli-scenario-bad-moment = «{ $value }» — не момент; нужно ГГГГ-ММ-ДД ЧЧ:ММ (в часовом поясе владельца).
cli-scenario-results-head = { $scenario }: входов { $entries }, открыто { $open }; сработал = заказ в течение { $days } дн. после доставки
cli-scenario-none = Сохранённых сценариев нет.
cli-scenario-file = { $path }: { $reason }
cli-scenario-steps = { $count ->
    [one] { $shown } шаг
    [few] { $shown } шага
   *[many] { $shown } шагов
}
cond-type-last_activity_value = Сумма последнего действия
activity-value-hint = Сумма последнего такого действия (например, корзины), в рублях
nav-scenarios = Сценарии
scenarios-title = Сценарии
scenarios-about = Цепочки сообщений, которые начинаются с действия покупателя: брошенная корзина, первый заказ, «давно не покупал», день рождения. Здесь их можно составить, проверить и сохранить; «Запланировать сообщения…» превращает их в сообщения, которые причитаются.
scenarios-none = Сохранённых сценариев пока нет.
scenario-new = Новый сценарий
scenario-json = Сценарий (описание в формате JSON, см. docs/scenarios.md)
scenario-save = Проверить и сохранить
scenario-delete = Удалить
scenario-deleted = Сценарий удалён.
scenario-job-failed = Не удалось выполнить — подробности в строке состояния.
scenario-file = Файл сценария (.json)
scenario-load = Загрузить из файла
scenario-words-trigger = Запуск: { $trigger }. Повторно — не раньше чем через { $cooldown } дн.
scenario-words-filter = Только для сегмента «{ $segment }».
scenario-words-step = Шаг { $n }: { $when }
scenario-words-product = , товар «{ $product }»
scenario-words-category = , категория «{ $category }»
scenario-words-first-order = первый заказ
scenario-words-order = заказ
scenario-words-segment = вошёл в сегмент «{ $segment }»
scenario-words-rfm = попал в группу RFM «{ $group }»
scenario-words-no-order = не покупал { $days } дн.
scenario-words-yearly = за { $days } дн. до даты «{ $field }»
scenario-words-from-trigger = после запуска
scenario-words-from-previous = после предыдущего шага
scenario-words-hours = через { $n } ч
scenario-words-days = через { $n } дн.
scenario-words-best-hour = на следующий день в лучший час человека в промежутке { $window } (кому не известен — в { $time })
scenario-words-next-day = на следующий день в { $time }
scenario-words-if-no-reaction = , если не было реакции
scenario-words-if-read = , если прочитал
scenario-words-if-clicked = , если нажал «{ $button }»
scenario-words-expires = не позже чем через { $hours } ч после срока
scenario-run-open = Запланировать сообщения…
scenario-run-title = Сообщения, которые причитаются по сценариям
scenario-run-about = Сначала загрузите, что произошло (действия на сайте, результаты рассылок). Затем каждый сохранённый сценарий найдёт новые поводы и запланирует шаги, которые причитаются с этого момента на указанные часы, — с согласием, тихими часами, ограничениями частоты и лимитом WhatsApp. Цепочки продвинутся, только когда файл записан.
scenario-run-hours = Часов вперёд
scenario-run-plan = Запланировать
scenario-run-nothing = В этом окне ничего не причитается. Сохранение запуска продвинет поводы и цепочки.
scenario-run-write = Записать файл и сохранить запуск
scenario-run-save = Сохранить запуск
scenario-run-written = Записано сообщений: { $count } → { $path }. Запуск сохранён.
scenario-run-file-name = Сценарии { $at }
scenario-results-title = Результаты по шагам
scenario-results-refresh = Обновить
scenario-results-window = Заказ засчитывается шагу, если сделан в течение стольких дней после доставки
scenario-funnel-step = Шаг
scenario-funnel-entered = Дошли
scenario-funnel-sent = Отправлено
scenario-funnel-reacted = Отреагировали
scenario-funnel-moved-on = Пошли дальше
scenario-funnel-exited = Вышли здесь
scenario-funnel-converted = Купили
scenario-timeline-trigger = { $at }: вошёл{ $about }
scenario-timeline-planned = { $at }: шаг { $step } запланирован
scenario-timeline-event = { $at }: шаг { $step } — { $event }{ $buttons }
scenario-timeline-ended = { $at }: цепочка закончилась — { $reason }
scenario-timeline-none = Этот контакт в сценарий не входил.
scenario-timeline-who = Контакт (телефон или номер)
scenario-timeline-show = Показать его путь
scenario-form-title = Изменить
scenario-json-title = Файл
scenario-form-name = Название
scenario-form-channel = Канал
scenario-form-rank = Очерёдность
scenario-form-trigger = Запуск
scenario-trigger-activity = действие на сайте
scenario-trigger-order = заказ
scenario-trigger-segment = попал в сегмент
scenario-trigger-rfm = попал в группу RFM
scenario-trigger-no-order = дни без заказа
scenario-trigger-yearly = ежегодная дата
scenario-form-kind = Действие
scenario-form-product = товар
scenario-form-category = категория
scenario-form-first = только первый
scenario-form-everyone-now = при первом запуске впустить всех, кто в нём сейчас
scenario-form-days = дней
scenario-form-field = поле даты
scenario-form-days-before = за дней
scenario-form-filter = Только для сегмента
scenario-form-filter-none = все контакты
scenario-form-cooldown = повторно через, дней
scenario-form-look-back = смотреть назад, часов
scenario-form-exits = Закончить при
scenario-form-exit-order = заказе
scenario-form-exit-left = выходе из сегмента
scenario-form-exit-click = нажатии кнопки
scenario-step-up = Выше
scenario-step-down = Ниже
scenario-step-remove = Удалить шаг
scenario-step-add = + Добавить шаг
scenario-step-preview = Так прочтёт покупатель, о котором в базе ничего нет:
scenario-step-length = символов: { $n }
scenario-step-parts = SMS: { $n }
scenario-step-expiry = не отправлять, если опоздал на, часов
scenario-step-text = Текст
scenario-step-wait = Ждать
scenario-wait-hours = часов
scenario-wait-days = дней
scenario-wait-next-day = до следующего дня, в
scenario-step-how-long = сколько
scenario-wait-best-hour = до следующего дня, в лучший час человека
scenario-step-best-window = в промежутке
scenario-step-best-otherwise = кому не известен — в
scenario-step-at = время
scenario-step-from = считая от
scenario-step-if = Если предыдущий шаг
scenario-if-always = что бы ни было
scenario-if-no-reaction = доставлен, но без реакции
scenario-if-read = прочитан
scenario-if-clicked = нажата кнопка
scenario-step-button = Кнопка
scenario-step-button-tag = тег при нажатии
scenario-step-button-remove = Удалить кнопку
scenario-step-button-add = + кнопка
scenario-presets = Готовые ▾
rfm-balanced = подобраны между совпадающими значениями
rfm-balanced-why = Где у многих покупателей одно и то же значение (чаще всего — один заказ), границы по пятым долям совпали бы и часть баллов пустовала; тогда границы выбираются среди разных значений, как можно ближе к пятым долям, так что каждый балл кого-то содержит, а одинаковые значения всегда получают один балл.

## Why is this contact (not) in the segment
explain-none = нет
explain-empty = пусто
explain-value = Значение: { $value }
explain-channels = Каналы: { $value }
explain-created = Добавлен: { $value }
explain-days-ago = Дней назад: { $value }
explain-consent = Согласие: { $value }
explain-status = Статус: { $value }
explain-tags = Теги: { $value }
explain-events = Таких событий: { $value }
explain-actions = Таких действий: { $value }
explain-last = Последнее: { $value }
explain-last-value = Его сумма: { $value }
explain-unanswered = Рассылок подряд без реакции: { $value }
explain-clicked = Нажаты: { $value }
explain-not-clicked = Не нажаты: { $value }
explain-orders = Заказов: { $value }
explain-total = На сумму: { $value }
explain-average = Средний чек: { $value }
explain-last-order = Последний заказ: { $value }
explain-bought = Таких покупок: { $value }
explain-last-bought = Последняя такая: { $value }
explain-rfm = Баллы RFM: { $value }
explain-rfm-group = Группа RFM: { $value }
explain-all-held = { $count ->
    [0] Пустая группа: подходят все
    [one] Выполнено { $count } условие из { $count }
    [few] Выполнены все { $count } условия
   *[other] Выполнены все { $count } условий
}
explain-all-failed = Решило условие { $spot }: оно не выполнено
explain-any-held = Решило условие { $spot }: оно выполнено
explain-none-held = Решило условие { $spot }: оно выполнено, а не должно
explain-nothing-held = Ни одно условие не выполнено
explain-in = { $who } (№{ $id }) — в сегменте
explain-out = { $who } (№{ $id }) — не в сегменте
explain-group = Группа: { $mode } из условий
explain-segment = Сегмент «{ $name }»
who-no-id = Контакта с номером { $value } в базе нет.
who-no-external = Контакта с внешним id { $value } нет.
who-no-phone = Контакта с телефоном { $value } нет.
who-no-email = Контакта с e-mail { $value } нет.
who-many-external = Внешний id { $value } есть у нескольких контактов: { $keys }. Укажите одну из них.
why-open = Почему?
why-title = Почему контакт (не) в сегменте:
why-about = Укажите контакт — условия окрасятся: зелёное выполнено, красное нет, рядом значения контакта.
why-key-hint = По какому ключу искать контакт
why-key-phone = по телефону
why-key-email = по e-mail
why-key-external = по id из CRM
why-key-id = по номеру в базе
why-key = Контакт
why-hint-phone = +7 912 345-67-89
why-hint-email = anna@mail.ru
why-hint-external = amocrm:5012 или 5012
why-hint-id = 125
why-show = Показать
why-close = Закрыть
why-not-a-number = «{ $value }» — не номер контакта: номер в базе — это число.
why-decisive = это решило
preview-why-not = почему не в «{ $segment }»?
