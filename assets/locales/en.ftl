app-title = Adresat
demo-badge = DEMO BASE
demo-row-mark = DEMO: generated data, numbers may belong to real people
base-file = Base: { $path }
base-loading = Opening the base…
base-empty = The base is empty. Import contacts from CSV or Excel.

count-contacts = Contacts
count-consent-yes = With consent to mailings
count-consent-no = Without consent
count-consent-unknown = Consent unknown
count-unsubscribed = Unsubscribed
count-blocked = Blocked
count-orders = Orders
count-events = Mailing events
count-tags = Distinct tags

setting-owner-tz = the owner's time zone: dates without a zone are read in it
setting-default-country = country of phones without a country code (ISO, e.g. RU)

stats-summary = Contacts: { $contacts } (consent: yes { $yes }, no { $no }, unknown { $unknown }; unsubscribed { $unsubscribed }, blocked { $blocked })
    Orders: { $orders }, events: { $events }, distinct tags: { $tags }
cli-stats-base = Base: { $path }
cli-exported = Exported { $count } contacts → { $path }
cli-demo-done = Demo base ready: { $path }

report-summary = { $file } ({ $encoding }, separator { $delimiter })
    Rows read: { $read }; new: { $inserted }; updated: { $updated }; unchanged: { $unchanged }; merged with rows of the same file: { $merged }; rejected: { $rejected }
report-reject-line = line { $line }: { $reason }
report-more = … and { $count } more
rejects-line = Line
rejects-reason = Reason

error-io = Could not read or write “{ $path }”: { $reason }
error-db = Database error, changes rolled back: { $reason }
error-cancelled = Cancelled; the base is unchanged.
error-base-too-new = The base “{ $path }” was made by a newer Adresat (schema { $version }); please update the app.
error-not-a-base = “{ $path }” does not look like an Adresat base: { $reason }
error-not-a-table = “{ $path }” could not be read as a table: { $why } The base is unchanged.
why-empty = the file is empty.
why-binary = it is not a text file (CSV or .xlsx expected).
why-no-header = the first row has no column headers.
why-bad-xlsx = the Excel file is damaged or not an .xlsx.
error-csv = Line { $line }: the file is damaged ({ $reason }). The base is unchanged.
error-missing-columns = The file “{ $path }” lacks columns: { $missing }. Columns found: { $headers }. Map them with --map COLUMN=field.
error-map-syntax = “{ $value }”: expected COLUMN=field, e.g. “Mobile=phone”.
error-map-field = Unknown field “{ $field }”. Fields: { $fields }
error-map-column = The file has no column “{ $column }”. Columns: { $columns }
error-map-kind = The field “{ $field }” does not belong to this kind of file.
error-bad-time-zone = “{ $value }” is not an IANA time zone (e.g. Europe/Moscow or Asia/Novosibirsk).
error-bad-country = “{ $value }” is not a two-letter country code (e.g. RU).
error-unknown-setting = Unknown setting “{ $key }”. Settings: { $keys }

reject-no-key = no external id, phone or Telegram: cannot tell who this is
reject-phone-excel-rounded = Excel rounded this phone (“{ $value }”): digits are lost. Save the column as text and export again
reject-phone-invalid = “{ $value }” does not look like a phone number
reject-tg-chat-id = Telegram chat id “{ $value }” must be a number
reject-tg-username = “{ $value }” does not look like a Telegram username
reject-time-zone = “{ $value }” is not an IANA time zone
reject-consent = consent “{ $value }” not understood: expected yes/no, 1/0, +/-
reject-status = status “{ $value }” not understood: expected active, unsubscribed or blocked
reject-event-kind = event “{ $value }” not understood: expected sent, delivered, read, clicked, replied, unsubscribed or blocked
reject-amount = amount “{ $value }” not understood
reject-amount-ambiguous = amount “{ $value }” is ambiguous: a comma or dot before three digits may mark either kopecks or thousands
reject-date = date “{ $value }” in field { $field } not understood (expected 31.12.2024, 31.12.2024 10:00 or 2024-12-31)
reject-missing = the required field { $field } is empty
reject-unknown-customer = no customer “{ $key }” in the base
reject-two-contacts = the row matches two different contacts: #{ $first } ({ $first_kind ->
        [external] external id
        [phone] phone
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $first_key }) and #{ $second } ({ $second_kind ->
        [external] external id
        [phone] phone
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $second_key })
reject-key-mismatch = { $kind ->
        [external] external id
        [phone] phone
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $value } contradicts contact #{ $id }, found by { $by_kind ->
        [external] external id
        [phone] phone
        [tg_chat_id] Telegram chat id
       *[other] Telegram
    } { $by_key }, which has { $stored }

warn-unknown-city = city “{ $city }” is not in the table ({ $rows } rows): given the default zone { $zone }
warn-ambiguous-city = several towns “{ $city }” lie in different zones and the region is missing or not recognised ({ $rows } rows): chose the largest, { $zone }
warn-opt-out-kept = contact #{ $id } { $status ->
        [blocked] blocked us
       *[other] unsubscribed
    } { $at }: consent from the file not restored, as the row carries no later consent date
warn-consent-restored = contact #{ $id }: consent restored, as the file's consent date is later than the { $status ->
        [blocked] block
       *[other] unsubscribe
    }
