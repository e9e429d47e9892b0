app-title = Adresat
demo-badge = DEMO BASE
demo-row-mark = DEMO: generated data, numbers may belong to real people
base-empty = The base is empty. Import contacts from CSV or Excel.


setting-demo = whether the base holds generated demo data
setting-owner-tz = the owner's time zone: dates without a zone are read in it
setting-default-country = country of phones without a country code (ISO, e.g. RU)

stats-summary = Contacts: { $contacts } (consent: yes { $yes }, no { $no }, unknown { $unknown }; unsubscribed { $unsubscribed }, blocked { $blocked })
    Orders: { $orders }, events: { $events }, distinct tags: { $tags }
cli-stats-base = Base: { $path }
cli-exported = Exported { $count } contacts → { $path }
cli-consent-exported = Exported { $count } consent records → { $path }
cli-demo-done = Demo base ready: { $path }
cli-read-only-window = --read-only is for commands (adresat --read-only stats, segment count …): the window changes the base as you work. Open the window without --read-only, or on a copy of the base.

report-summary = { $file } ({ $encoding }, separator { $delimiter })
    Rows read: { $read }; new: { $inserted }; updated: { $updated }; unchanged: { $unchanged }; merged (repeats within the file and joined contacts): { $merged }; rejected: { $rejected }
report-reject-line = line { $line }: { $reason }
report-more = … and { $count } more
rejects-line = Line
rejects-reason = Reason

error-io = Could not read or write “{ $path }”: { $reason }
error-io-full = Could not write “{ $path }”: no room left on the disk ({ $reason }); nothing was saved. Free some space and try again.
error-db = Database error, changes rolled back: { $reason }
error-db-busy = The base is busy with other work (an import or a plan in another window or job) and did not free up in time; nothing was changed. Try again when it has finished.
error-db-full = The disk is full; nothing was changed. Free some space and try again.
error-db-write = Could not write to the base file ({ $reason }): most likely the disk has no room left; changes rolled back. Free some space and try again.
error-db-read-only = The base file cannot be written ({ $reason }); nothing was changed. Check that the file and its folder may be written, or open a copy.
error-read-only-old = The base “{ $path }” was made by an earlier version of Adresat: it cannot be opened read-only before it is converted (open it, or better a copy, without --read-only).
error-cancelled = Cancelled; the base is unchanged.
base-converting = Updating the base to this version of the app
base-converting-why = This is needed once. Until it is done the base stays as it was: cancelling or closing the app spoils nothing.
base-open-again = Open the base again
error-base-too-new = The base “{ $path }” was made by a newer Adresat (schema { $version }); please update the app.
error-not-a-base = “{ $path }” does not look like an Adresat base: { $reason }
error-not-a-table = “{ $path }” could not be read as a table: { $why } The base is unchanged.
why-empty = the file is empty.
why-binary = it is not a table (CSV, .xlsx or .xls expected).
why-no-header = the first row has no column headers.
why-bad-xlsx = the Excel file is damaged or not an .xlsx.
why-bad-xls = the old Excel file (.xls) is damaged or cannot be read: open it in Excel and save it as an "Excel Workbook (.xlsx)".
error-csv = Line { $line }: the file is damaged ({ $reason }). The base is unchanged.
error-missing-columns = The file “{ $path }” lacks columns: { $missing }. Columns found: { $headers }. Map them with --map COLUMN=field.
error-map-syntax = “{ $value }”: expected COLUMN=field, e.g. “Mobile=phone”.
error-map-field = Unknown field “{ $field }”. Fields: { $fields }
error-map-column = The file has no column “{ $column }”. Columns: { $columns }
error-map-kind = The field “{ $field }” does not belong to this kind of file.
error-id-system = “{ $value }” will not do as the name of an id system: one word of letters, digits, “-” and “_”, up to 32 characters (e.g. 1c or moysklad).
error-consent-statement-source = Say where the people of the file gave their consent (e.g. “the form on the site”).
error-consent-statement-date = Consent date “{ $value }” not understood: expected 31.12.2024 or 2024-12-31.
error-consent-statement-future = The consent date { $value } is still to come.
error-bad-time-zone = “{ $value }” is not an IANA time zone (e.g. Europe/Moscow or Asia/Novosibirsk).
error-bad-country = “{ $value }” is not a two-letter country code (e.g. RU).
error-bad-separator = The separator “{ $value }” will not do: use “;”, “,” or a tab.
error-unknown-setting = Unknown setting “{ $key }”. Settings: { $keys }

reject-no-key = no external id, phone, e-mail or Telegram: cannot tell who this is
reject-email = “{ $value }” does not look like an e-mail address
reject-role-email = only a shared address { $value } (one people write to a company, not to a person): cannot tell who this is
reject-birthday = birthday “{ $value }” not understood (expected 12.03.1990, 1990-03-12 or 12.03)
reject-items = item “{ $value }” not understood (expected “Name x 2 ≡ 1500”)
reject-quantity = quantity “{ $value }” not understood: expected a whole number above zero
reject-total-orders = number of orders “{ $value }” not understood: expected a whole number
reject-item-of-rejected-order = an item row of order { $order }, whose own row above was rejected
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

rows = { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    }
warn-unknown-city = city “{ $city }” is not in the table ({ rows }): given the default zone { $zone }
warn-ambiguous-city = several towns “{ $city }” lie in different zones and the region is missing or not recognised ({ rows }): chose the largest, { $zone }
warn-consent-unproven = { $count ->
        [one] { $count } row gives
       *[other] { $count } rows give
    } consent "yes" without a consent date or source (the first is line { $line }): you must be able to prove consent (38-FZ) — add the columns "consent date" and "consent source" to the file.
warn-consent-stated = { $count ->
        [one] { $count } contact got
       *[other] { $count } contacts got
    } the consent you stated for the whole file: “{ $source }”, { $date }. Keep the proof: you must be able to show the consent (38-FZ).
warn-orders-new-contacts = New contacts from orders: { $count } — customers the base did not have, added from the orders' details (name, phone, e-mail). They have no consent to messages until you import it.
warn-email-kept = { $count ->
        [one] { $count } row has
       *[other] { $count } rows have
    } something other than an address in an e-mail column (the first: “{ $value }”): kept as a custom field, the person told by their other keys
warn-ids-adopted = { $count ->
        [one] { $count } contact's own id matched
       *[other] { $count } contacts' own ids matched
    } this file's ids (the first: { $first }): the base held no ids of this system yet, so these are taken as its ids — importing the file again adds no duplicates
warn-email-joined = { $count ->
        [one] { $count } contact known only by e-mail was joined
       *[other] { $count } contacts known only by e-mail were joined
    } with the contact the same row's phone found (the first: #{ $absorbed } → #{ $into }); tags, orders and events moved
warn-opt-out-kept = contact #{ $id } { $status ->
        [blocked] blocked us
       *[other] unsubscribed
    } { $at }: consent from the file not restored, as the row carries no later consent date
warn-consent-restored = contact #{ $id }: consent restored, as the file's consent date is later than the { $status ->
        [blocked] block
       *[other] unsubscribe
    }

## The window
nav-contacts = Contacts
nav-segments = Segments
nav-rfm = RFM analysis
nav-messages = Messages
nav-plan = Send plan
nav-results = Results
menu-file = File
menu-import = Import a file…
menu-open-base = Open a base…
menu-new-base = New base…
menu-consent-export = Export consent records…
consent-export-title = Export of consent records
consent-export-about = Each contact's consent, its date and source, the file it came from, consent per channel and opt-outs: what proves the consent.
consent-export-file = Where to save (CSV for Excel)
consent-export-go = Export
consent-export-default = consent
consent-exported = { $count ->
        [one] Exported { $count } consent record
       *[other] Exported { $count } consent records
    }
work-consent-export = consent export
menu-demo = Try with demo data…
menu-back-to-real = Back to my base
menu-settings = Settings…
status-base = Base: { $name }
status-contacts = { $count ->
        [one] { $shown } contact
       *[other] { $shown } contacts
    }
job-import = Import
job-demo = Creating a demo base of { $shown } contacts
drop-here = Drop the file to import it
cancel = Cancel
close = Close
save = Save
next = Next
back = Back
done = Done
open = Open
create = Create
browse = Browse…
browse-waiting = Waiting for the system's file dialog…
browse-nothing = The file dialog returned nothing. If it did not appear, type the file's path in the field above.

search = Search
search-hint = name, phone, city, tag
filter-status = Status
filter-consent = Consent
filter-any = any
found-contacts = { $count ->
        [one] { $shown } contact found
       *[other] { $shown } contacts found
    }
nothing-found = Nothing found. Change the search or the filters.
import-button = Import…
col-id = #
col-name = Name
col-phone = Phone
col-city = City
col-zone = Time zone
col-consent = Consent
col-status = Status
col-tags = Tags
status-active = active
status-unsubscribed = unsubscribed
status-blocked = blocked
consent-yes = yes
consent-no = no
consent-unknown = unknown
tz-source-column = from the file
tz-source-city = from the city
tz-source-address = from the address
tz-source-phone_country = from the phone's country
tz-source-default = default
card-title = Contact card
card-orders = { $count ->
        [0] No orders
       *[other] Orders: { $count } for { $total }
    }
card-best-hour = Best hour: { $hour } (reactions that show their own time: { $count })
card-no-best-hour = Best hour not known yet: { $count } of 3 reactions that show their own time
card-engagement = Engagement
card-engagement-line = Campaigns delivered: { $delivered }; in a row without a reaction: { $streak }
card-last-sent = Last sent
card-last-read = Last read
card-last-click = Last click
card-no-events = No mailings yet.
event-sent = sent
event-delivered = delivered
event-read = read
event-clicked = clicked
event-replied = replied
event-unsubscribed = unsubscribed
event-blocked = blocked

field-external_id = External id
field-id_system = Id system
field-email = E-mail
field-name = Full name
field-first_name = First name
field-last_name = Last name
field-middle_name = Middle name
field-phone = Phone
field-tg_chat_id = Telegram chat id
field-tg_username = Telegram
field-city = City
field-region = Region
field-time_zone = Time zone
field-tz_source = Zone from
field-source = Source
field-utm_source = utm_source
field-utm_medium = utm_medium
field-utm_campaign = utm_campaign
field-utm_content = utm_content
field-utm_term = utm_term
field-tags = Tags
field-consent = Consent
field-consent_at = Consent date
field-consent_source = Consent source
field-consent_file = File the consent came from
field-status = Status
field-status_at = Status date
field-created_at = Registered
field-birthday = Birthday
field-consent_whatsapp = WhatsApp consent
field-consent_telegram = Telegram consent
field-consent_sms = SMS consent
field-order_id = Order number
field-ordered_at = Order date
field-amount = Amount
field-product = Product
field-category = Category
field-campaign = Campaign
field-message_id = Message id
field-kind = Event
field-button = Button
field-at = Time
field-value = Value
field-url = Link
field-custom = (own field)
field-ignore = (do not load)

import-title = Import
import-what = What is in the file?
import-kind-contacts = Contacts
import-kind-orders = Orders
import-kind-events = Mailing events
import-file = CSV or Excel (.xlsx, .xls) file
import-drop-hint = You can also drop the file onto the window.
import-reading = Reading the file…
import-format = Encoding: { $encoding }, separator: { $delimiter }
import-columns = Columns and fields
import-preview = The first rows as they will be stored
preview-rejected = will be rejected
import-load = Load
import-loading = Loading… rows read: { $rows }
import-indexing = Saving: indexing { $rows } rows for fast search…
import-done = Import finished: { $inserted } new, { $rejected } rejected
report-headline = Rows read: { $read }. New: { $inserted }, updated: { $updated }, rejected: { $rejected }.
report-read = Rows read
report-inserted = New
report-updated = Updated
report-unchanged = Unchanged
report-merged = Merged (repeats within the file and joined contacts)
report-folded = Item rows folded into their order
report-new-contacts = New contacts from orders
report-folded-line = Item rows folded into the order above: { $count }
report-rejected = Rejected
report-warnings = Warnings ({ $count })
report-rejects = Rejected rows
report-save-rejects = Save the rejected rows as CSV
rejects-row = Row of the file
rejects-saved = The rejected rows are saved.

settings-title = Settings
settings-owner-tz = Your time zone (IANA)
settings-country = Country of phones without a code
settings-language = Language
settings-hint = The zone and the country are kept in the base: the command line and the window agree.
settings-saved = Settings saved.
demo-title = Demo data
demo-explain = I will create a separate demo base with made-up customers, orders and mailings. Your base stays as it is; going back to it is one click.
demo-size = How many contacts
demo-create = Create the demo base
base-open-title = Open a base
base-create-title = New base
base-file-label = Base file (.sqlite)

## Segment rules: errors name the spot (the position of the condition, like 2.1.3)
rule-error-json = The rule cannot be read (line { $line }, column { $column }): { $reason }
rule-error-version = The rule was written in version { $version }; this program knows versions up to 1. Update Adresat.
rule-error-zero-campaigns = Condition { $spot }: "sleeping" needs at least 1 campaign.
rule-error-unknown-field = Condition { $spot }: no contact has the field "{ $field }".
rule-error-time-zone = Condition { $spot }: "{ $value }" is not an IANA time zone (such as Asia/Novosibirsk).
rule-error-no-values = Condition { $spot }: no value chosen.
rule-error-channel = Condition { $spot }: there is no channel "{ $value }"; there are { $channels }.
rule-error-op-for-field = Condition { $spot }: this test does not apply to the field "{ $field }".
rule-error-one-tag = Condition { $spot }: "has tag" and "has not tag" test one tag; for several choose "has any of" or "has all of".
rule-error-empty-tag-group = Condition { $spot }: the base has no tag in the group "{ $group }".
rule-error-unknown-tag = Condition { $spot }: the base has no tag "{ $tag }".
rule-error-unknown-flow = Condition { $spot }: there is no flow "{ $flow }" (deleted or never saved).
rule-error-empty-flow = Condition { $spot }: the flow "{ $flow }" has no buttons.
rule-error-whole-number = Condition { $spot }: a whole number of at least 0 is needed, not { $value }.
rule-error-amount = Condition { $spot }: the amount { $value } does not fit: a non-negative amount in roubles is needed.
rule-error-cycle = Condition { $spot }: segments refer to each other in a circle: { $chain }.
rule-error-unknown-segment = Condition { $spot }: there is no segment "{ $segment }" (deleted or renamed).
segment-error-exists = A segment "{ $name }" already exists.
segment-error-not-found = There is no segment "{ $name }".
plan-error-not-found = There is no saved plan of "{ $campaign }" for { $date }.
segment-error-empty-name = A segment needs a name.
segment-error-stored = The saved segment "{ $name }" cannot be read: { $reason }
flow-error-no-buttons = The flow "{ $flow }" needs at least one button.
cli-no-rule = "{ $value }" is neither a rule file nor a saved segment. The segments: adresat segment list
cli-rule-file = Rule file { $path }: { $reason }
cli-segment-count = { $count ->
    [one] { $shown } contact
   *[other] { $shown } contacts
}
cli-segment-saved = Segment "{ $name }" saved.
setting-meaning-discount-tag = the tag that means "likes discounts"
setting-meaning-new-arrivals-tag = the tag that means "waits for new arrivals"
setting-meaning-landing-source = the "landing page" source
setting-meaning-ad-source = the "ads" source
setting-meaning-qr-source = the "QR code in the shop" source
setting-meaning-cross-sell-bought = cross-sell: the category already bought
setting-meaning-cross-sell-missing = cross-sell: the category to offer

## Ready-made segments: a name and a one-line purpose each
preset-group-hypotheses = Three starter hypotheses
preset-group-leads = Lead temperature
preset-group-reactivation = Sleeping and reactivation
preset-group-sources = Entry source
preset-group-zones = Time zones
preset-group-journey = Customer journey
preset-group-cross-sell = Cross-sell
preset-new-customers = New customers
preset-new-customers-about = First and only purchase, within the last 30 days: welcome them and win the second order.
preset-returning-customers = Returning customers
preset-returning-customers-about = Not their first purchase, the latest within 30 days: thank them, offer loyalty.
preset-discount-fans = Discount lovers
preset-discount-fans-about = Have the "likes discounts" tag: send them offers and promo codes.
preset-new-arrivals-fans = Wait for new arrivals
preset-new-arrivals-fans-about = Have the "new arrivals" tag: send them new stock, no discounts.
preset-active = Active
preset-active-about = Read, clicked or replied in the last 30 days.
preset-silent = Silent
preset-silent-about = Got messages in the last 60 days but never read, clicked or replied.
preset-cold-leads = Cold leads
preset-cold-leads-about = Never bought, never clicked a button or replied.
preset-warm-leads = Warm leads
preset-warm-leads-about = Never bought; clicked or replied, but not in the last 14 days.
preset-hot-leads = Hot leads
preset-hot-leads-about = Clicked or replied within 14 days and have not bought yet: time to offer.
preset-sleeping = Sleeping
preset-sleeping-about = The last three delivered campaigns found no reaction: stop spending messages on them.
preset-reactivation = Reactivation candidates
preset-reactivation-about = Bought, but more than 90 days ago; consent given and not deeply asleep (under 5 campaigns without reaction).
preset-from-landing = From the landing page
preset-from-landing-about = The source is your landing page.
preset-from-ads = From ads
preset-from-ads-about = The source is advertising.
preset-from-qr = From the QR code
preset-from-qr-about = The source is the QR code in the shop (offline).
preset-tz-moscow = Moscow time
preset-tz-moscow-about = UTC+3 zones of Russia: Moscow, Crimea, Kirov, Volgograd.
preset-tz-urals = Urals
preset-tz-urals-about = Yekaterinburg time, UTC+5.
preset-tz-siberia = Siberia
preset-tz-siberia-about = Omsk, Novosibirsk, Krasnoyarsk and Irkutsk times (UTC+6…+8).
preset-tz-far-east = Far East
preset-tz-far-east-about = From Chita and Yakutsk to Kamchatka and Chukotka (UTC+9…+12).
preset-new-subscribers = New subscribers
preset-new-subscribers-about = Joined in the last 30 days and have not bought yet.
preset-prospects = Prospects
preset-prospects-about = Never bought, but clicked buttons in the last 90 days.
preset-first-time-buyers = Bought once
preset-first-time-buyers-about = Exactly one order ever: the second order is what matters.
preset-repeat-buyers = Repeat buyers
preset-repeat-buyers-about = Two orders or more.
preset-cross-sell = Cross-sell
preset-cross-sell-about = Bought category X but not Y: offer Y.

## Segments screen
segments-title = Segments
segments-none = No saved segments yet. Build conditions on the right or take a ready-made one.
segment-new = New
segment-presets = Ready-made ▾
segment-name = Name
segment-name-hint = e.g. "Discount lovers, Siberia"
segment-notes = Note
segment-save = Save
segment-saved = Segment "{ $name }" saved.
segment-duplicate = Duplicate
segment-copy-name = { $name } (copy)
segment-delete = Delete
segment-delete-confirm = Delete the segment "{ $name }"? Segments that refer to it will stop counting.
segment-json = Rule as JSON
segment-export = Export to CSV…
segment-export-title = Export the segment's contacts
segment-export-file = Where to save (CSV for Excel)
segment-export-go = Export
segment-export-default = segment
segment-exported = { $count ->
    [one] Exported { $shown } contact.
   *[other] Exported { $shown } contacts.
}
segment-count = { $count ->
    [one] { $shown } contact
   *[other] { $shown } contacts
}
segment-preview = The first { $shown } by number:
funnel-explain = Beside the conditions: how many remain after each, in order.
funnel-hint = How many contacts remain after this condition and all above it
mode-all = All
mode-any = Any
mode-none = None
mode-hint = How the group's conditions combine
mode-of-these = of these conditions:
rule-add-condition = + condition
rule-add-group = + group
rule-remove = Remove
rule-up = Up
rule-down = Down
rule-drag = Drag to reorder
rule-in-last = in the last
rule-days = days
rule-days-ago = days ago
rule-days-hint = Number of days (in your time zone; today is day one)
cond-type-hint = What to test
cond-type-field = Field
cond-type-created = Date joined
cond-type-consent = Consent
cond-type-status = Status
cond-type-tags = Tags
cond-type-events = Events
cond-type-last_event = Last event
cond-type-sleeping = Sleeping
cond-type-flow = Completed a flow
cond-type-orders = Orders
cond-type-never_ordered = Never ordered
cond-type-bought = Bought
cond-type-segment = Segment
seg-field-hint = Contact field
seg-field-name = Name
seg-field-first_name = First name
seg-field-city = City
seg-field-region = Region
seg-field-time_zone = Time zone
seg-field-channel = Channel
seg-field-source = Source
seg-field-utm_source = utm_source
seg-field-utm_medium = utm_medium
seg-field-utm_campaign = utm_campaign
seg-field-utm_content = utm_content
seg-field-utm_term = utm_term
text-op-hint = How to compare
text-op-equals = equals
text-op-not_equals = does not equal
text-op-one_of = one of
text-op-contains = contains
text-op-is_empty = is empty
text-value-hint = Value
date-op-hint = When
date-op-before = before
date-op-after = after
date-op-within_days = in the last
date-hint = Date (in your time zone)
tag-op-hint = How to test the tags
tag-op-has = has tag
tag-op-has_not = has not tag
tag-op-has_any = has any of
tag-op-has_all = has all of
tag-hint = A tag or a tag group (group: interest:*)
event-kind-hint = Which event
cmp-hint = Comparison
events-count-hint = How many times
events-times = times
events-button = button
events-campaign = campaign
recency-hint = When the last one was
recency-more_than = more than
recency-less_than = less than
recency-never = never
sleeping-last = the last
sleeping-campaigns = delivered campaigns without reaction
sleeping-hint = How many campaigns in a row
flow-hint = A flow of buttons (made in "Button flows…" on the left)
measure-hint = What to count
measure-count = number of orders
measure-total = total spent
measure-average = average order
measure-days_since_last = days since the last order
measure-value-hint = Number
bought-hint = What was bought
bought-category = category
bought-product = product
member-hint = Saved segment
member-in = is in
member-not_in = is not in
picker-choose = choose…
picker-add = + add
picker-remove = Remove the value
picker-filter = search…
picker-typed = Use as typed
picker-more = …narrow the search
picker-empty = no values in the base yet
json-title = Rule (JSON)
json-explain = The whole rule. Copy it, or paste another one: it is checked before it is applied.
json-copy = Copy
json-apply = Apply
overlap-open = Segment overlaps
overlap-need-two = At least two saved segments are needed
overlap-title = Segment overlaps
overlap-explain = How many contacts each pair of segments shares; the diagonal is each segment's size.
meaning-question = One question to build this segment: { $what }?
meaning-once = The answer is kept in the base and I will not ask again. Changed your mind? "Ready-made ▾ → Forget the answers".
meaning-no-values = The base has no values to choose from: import contacts or orders first.
meaning-use = Use
error-lost-job = The background job stopped. Please try again.
meaning-forget = Forget the answers
meaning-forget-hint = Which tag means "discounts", which source is "QR", and so on: the ready-made segments will ask again
flow-error-not-found = There is no flow "{ $flow }".
flows-open = Button flows…
flows-title = Button flows
flows-explain = A flow is the buttons a customer clicks in order ("Ask the price" → "Buy"). The "Completed a flow" condition picks those who clicked them all: engagement depth.
flows-none = No flows yet.
flows-delete = Delete the flow
flows-name = Name
flows-buttons = Buttons in order:
flows-save = Save the flow
segment-preview-none = No contact meets these conditions.

## RFM
setting-rfm-as-of = the date RFM is computed as of (YYYY-MM-DD; empty: today)
setting-rfm-recency-cuts = own recency cut points, days: four ascending numbers (empty: quintiles)
setting-rfm-frequency-cuts = own frequency cut points, orders: four ascending numbers (empty: quintiles)
setting-rfm-monetary-cuts = own monetary cut points, roubles: four ascending numbers (empty: quintiles)
rfm-error-cuts = { $key }: "{ $value }" — four non-negative ascending numbers are needed, such as 30, 60, 120, 240.
rfm-error-date = "{ $value }" is not a date: YYYY-MM-DD is needed, such as 2026-06-30.
cli-rfm-written = { $count ->
    [one] Wrote { $shown } customer → { $path }
   *[other] Wrote { $shown } customers → { $path }
}
cli-rfm-head = RFM as of { $as_of }: { $scored } customers, { $without } without purchases. Score cut points (above k of them scores k+1; recency the other way round):
rfm-from-totals = Scored from the purchase totals of a customers export (no orders in the base): { $scored }.{ $undated ->
        [0] {""}
       *[other] {" "}Without the date of their last purchase, so not scored: { $undated }.
    }
rfm-dim-recency = recency, days
rfm-dim-frequency = frequency, orders
rfm-dim-monetary = monetary
rfm-group-champions = Champions
rfm-group-loyal = Loyal
rfm-group-potential_loyalists = Potential loyalists
rfm-group-new = New
rfm-group-promising = Promising
rfm-group-need_attention = Need attention
rfm-group-about_to_sleep = About to sleep
rfm-group-at_risk = At risk
rfm-group-cant_lose = Can't lose them
rfm-group-hibernating = Hibernating
rfm-group-lost = Lost
rule-error-rfm-range = Condition { $spot }: score { $score } from { $from } to { $to } — RFM scores run from 1 to 5, and "from" is not above "to".
cond-type-rfm = RFM
rfm-groups-hint = RFM groups (any of the chosen)
rfm-score-hint = Limit the score (1–5)
rfm-score-from = Score from
rfm-score-to = Score to

preset-group-rfm = RFM groups
preset-rfm-champions = RFM: Champions
preset-rfm-champions-about = Bought recently and often: thank them, invite them first to new arrivals, ask for reviews — no needless discounts.
preset-rfm-loyal = RFM: Loyal
preset-rfm-loyal-about = Buy regularly: loyalty programme, upsell, early access.
preset-rfm-potential_loyalists = RFM: Potential loyalists
preset-rfm-potential_loyalists-about = Recent buyers with a couple of orders: offer a membership or a bonus on the next order.
preset-rfm-new = RFM: New
preset-rfm-new-about = First purchase very recently: a welcome flow and a reason to come back.
preset-rfm-promising = RFM: Promising
preset-rfm-promising-about = Bought once, recently: help the second order along with picks for their interest.
preset-rfm-need_attention = RFM: Need attention
preset-rfm-need_attention-about = Middling recency and frequency: a personal offer before they cool down.
preset-rfm-about_to_sleep = RFM: About to sleep
preset-rfm-about_to_sleep-about = Long ago and rarely: a useful reminder, a small discount.
preset-rfm-at_risk = RFM: At risk
preset-rfm-at_risk-about = Bought often, but long ago: a personal message and a strong offer to return.
preset-rfm-cant_lose = RFM: Can't lose them
preset-rfm-cant_lose-about = Former best customers gone quiet: reach out personally, ask what went wrong.
preset-rfm-hibernating = RFM: Hibernating
preset-rfm-hibernating-about = Long ago and little: one cheap reminder, no frequent mailings.
preset-rfm-lost = RFM: Lost
preset-rfm-lost-about = Longest gone and rarest: one reactivation try, then stop spending messages.
rfm-empty = Nothing to compute RFM from yet: the base has no orders up to this date. Import an orders file (File → Import a file…).
rfm-as-of = As of
rfm-as-of-hint = RFM is computed as of the end of this day; later orders are left out
rfm-recompute = Recompute
rfm-log-scale = Logarithmic scale
rfm-own-cuts = Own score cut points:
rfm-apply-cuts = Apply
rfm-cuts-hint = Four ascending numbers; an empty field uses your base's quintiles
rfm-head = RFM as of { $as_of }: { $scored } customers, { $without } without purchases yet. Score cut points:
rfm-own = own
rfm-x-axis = Recency, days since the last order
rfm-y-axis = Frequency, orders
rfm-density = Customer density
rfm-hover = #{ $id } { $customer } { $phone }
    recency { $recency } days, { $frequency } orders, total { $monetary }
    RFM { $score } — { $group }
rfm-hover-more = { $count ->
    [one] and { $shown } more customer at this point
   *[other] and { $shown } more customers at this point
}
rfm-grid-title = The R × F grid
rfm-grid-hint = In a cell: customers, share of customers / share of revenue. The edge is the group's colour. Click to open it as a segment.
rfm-cell-hint = R = { $r }, F = { $f }: group "{ $group }". Click to open it as a segment.
rfm-col-group = Group
rfm-col-customers = Customers
rfm-col-share = Share
rfm-col-revenue = Revenue share
rfm-col-aov = Average order
rfm-col-advice = What to send them
rfm-open-segment = Open as a segment
rfm-money-title = What a customer of the group spent on average, ₽

## Message templates
template-unclosed = A variable is not closed: "{"{{"}" needs "{"}}"}".
template-empty-name = An empty variable: a name goes between "{"{{"}" and "{"}}"}", such as {"{{"}first_name{"}}"}.
template-empty-fallback = The variable "{ $name }" has an empty fallback after "|": write what to put in, or remove the "|".
template-unknown = There is no variable "{ $name }".
campaign-error-json = The campaign cannot be read (line { $line }, column { $column }): { $reason }
campaign-error-segment = The campaign names the segment "{ $segment }", which does not exist.
campaign-error-template = Variant "{ $variant }", character { $position }: { $reason }
campaign-missing = Empty and without a fallback: { $name }
cli-no-campaign = "{ $value }" is neither a campaign file nor a saved campaign.
cli-no-results-campaign = "{ $value }" is neither a campaign file, a saved campaign, nor a campaign with plans or results in this base.
cli-campaign-saved = Campaign "{ $name }" saved.
campaign-sms-parts = The longest SMS (contact #{ $id }) takes { $parts } parts.
campaign-too-long = Too long: contact #{ $id } would get { $length } characters, the limit is { $limit }.
campaign-length = The longest message (contact #{ $id }): { $length } of { $limit } characters.
campaign-missing-count = "{ $name }" is empty without a fallback for { $count ->
    [one] { $shown } recipient
   *[other] { $shown } recipients
}: { $ids }

## Messages screen
messages-title = Campaigns
messages-new = New
messages-load-file = Open file…
messages-save-file = Save to file…
messages-load = Open
messages-none = No saved campaigns yet.
messages-no-segments = Save at least one segment on the Segments screen first: a message variant is aimed at a segment.
messages-variant-default = Variant { $n }
messages-text-default = {"{{"}first_name|Hello{"}}"}, 
campaign-name = Name
campaign-name-hint = e.g. Spring sale
campaign-channel = Channel
campaign-save = Save
campaign-saved = Campaign "{ $name }" saved.
campaign-loaded = Campaign "{ $name }" opened from the file; save it to keep it in the base.
campaign-duplicate = Copy
campaign-delete = Delete
campaign-delete-confirm = Delete the campaign "{ $name }"?
campaign-error-no-name = A campaign needs a name.
campaign-error-no-variants = The campaign has no variant: add one with a segment and a text.
campaign-error-share = { $place }: a B share of { $percent } % will not do; it can be 1 to 99 %.
campaign-error-buttons = { $place }: { $count } buttons, but a message carries at most { $max }.
campaign-error-button-text = { $place }: a button has no text.
campaign-place-variant = Variant "{ $variant }"
scenario-place-step = Step { $step }
campaign-error-exists = A campaign named "{ $name }" already exists: choose another name (on the command line, --replace replaces it).
campaign-file = Campaign file (JSON)
campaign-file-saved = Saved to { $path }.
campaign-never = Never send to:
campaign-skip-sleeping = Skip the sleeping: no reaction to the last
campaign-sleeping-after = campaigns
campaign-sleeping-hint = How many delivered campaigns in a row without a read, click or reply make a contact sleeping.
campaign-interest = {"{{"}interest{"}}"} comes from the tag group:
campaign-interest-hint = The tag group the interest comes from, e.g. "interest:*"
campaign-values = Campaign values:
campaign-value-add = Add a value
campaign-variants = Variants
campaign-variants-hint = a contact gets the first variant from the top that holds them
campaign-variant-name = Variant
campaign-variant-name-of = Name of variant { $n }
campaign-variant-segment = Segment
campaign-variant-gets = Gets it
campaign-variant-ab = A/B
campaign-variant-edit = Edit this variant's text
campaign-variant-up = Higher priority
campaign-variant-down = Lower priority
campaign-variant-remove = Remove the variant
campaign-variant-add = Add a variant
campaign-gets-ab = A: { $a } · B: { $b }
campaign-counting = counting recipients…
campaign-audience = Gets it: { $gets } of { $of } in the segments
campaign-text-of = Text of variant "{ $variant }"
campaign-arm-a = Text A
campaign-arm-b = Text B
campaign-text = Message text
campaign-insert = Insert:
campaign-insert-hint = Insert the variable at the cursor. A fallback for an empty value goes after a bar: {"{{"}first_name|friend{"}}"}
campaign-fault-at = Line { $line }, character { $column }: { $reason }
campaign-buttons = Buttons
campaign-buttons-hint = up to three; a click sets the contact's tag
campaign-button-n = Button { $n }
campaign-button-tag = tag:
campaign-button-flow = flow:
campaign-button-add = Add a button
preview-title = What the recipient sees
preview-variant = Variant "{ $variant }", arm { $arm }
preview-nobody = No recipients: check the segments, consents and exclusions.
preview-previous = Previous recipient
preview-next = Next recipient
preview-random = Random
preview-position = { $n } of { $total }
preview-search = Find:
preview-search-hint = name or phone
preview-search-none = Nobody found.
preview-not-in-segments = not in the variants' segments
preview-whatsapp = The WhatsApp template and this recipient's parameters
preview-empty-parameter = empty — WhatsApp will refuse it
preview-length = { $length } of { $limit } characters
preview-sms-size = SMS: { $parts } parts ({ $units } chars, { $coding })
checks-title = Check of every recipient
checks-waiting = The check runs once the texts and recipients are ready.
checks-no-gaps = Every recipient has every variable filled.
checks-gap = "{ $name }" empty without a fallback: { $count }
checks-more = …and { $count } more
exclusion-no-consent = no consent
exclusion-unsubscribed = unsubscribed
exclusion-blocked = blocked
exclusion-never-send = in "never send to"
exclusion-other-channel = other channel
exclusion-telegram-username-only = Telegram username only
exclusion-no-address = no address

## Send plans
cli-plan-done = { $planned } of the segments' { $of } contacts planned → { $path }
plan-best-hours = Send time: their own best hour { $learned }, their segment's hour { $segment }, the whole base's hour { $base }, the plan's time { $default }
plan-moved-later = Moved to later days by the number's limit: { $count }
plan-error-date = "{ $value }" is not a date; use YYYY-MM-DD, e.g. 2026-12-01.
plan-error-time = "{ $value }" is not a time; use HH:MM, e.g. 10:00.
plan-error-span = "{ $value }" is not a span; use HH:MM-HH:MM, e.g. 21:00-09:00.
error-bad-number = "{ $value }": a whole number above zero is needed (or off).
error-bad-tier = "{ $value }" is not a WhatsApp tier; possible: { $tiers }.
exclusion-capped = messaged too recently
setting-plan-quiet-hours = quiet hours in the contact's local time, HH:MM-HH:MM (off: none)
setting-plan-cap-hours = message a contact at most once in this many hours (off: no cap)
setting-plan-cap-week = at most this many messages to a contact in 7 days (off: no cap)
setting-plan-whatsapp-tier = the WhatsApp number's tier: unique recipients per rolling 24 hours (250, 2000, 10000, 100000, unlimited)

## Plan screen
plan-title = Send plan
plan-campaign = Campaign
plan-no-campaigns = Save a campaign on the Messages screen first.
plan-date = Day to send
plan-time = Time (each contact's own)
plan-at = at
plan-window = within
plan-quiet = Quiet hours
plan-quiet-on = no messages from … to …
plan-caps = Frequency
plan-cap-hours = at most once in hours:
plan-cap-week = at most in 7 days:
plan-tier = WhatsApp number's limit
plan-tier-hint = unique recipients in any 24 hours
plan-tier-n = { $n } a day
plan-estimate = { $recipients } would get it; { $limit ->
    [none] { $days } day(s)
   *[other] at { $limit } a day, { $days } day(s)
}, the last message at { $last } (estimated per time zone, caps not counted).
plan-estimate-tier = With the tier { $tier }: { $days } day(s), the last at { $last }.
cli-plan-no-out = Say where to write the plan: --out PATH (or --dry-run to plan nothing).
plan-tier-unlimited = unlimited
plan-priority = Who goes first if not everyone fits
plan-priority-variant = in the order of the variants
plan-priority-rfm = by RFM: best customers first
plan-build = Make the plan
plan-not-built = Choose a campaign and a day, then press "Make the plan".
plan-summary = { $planned } of the segments' { $of } contacts planned
plan-per-variant = Per variant
plan-per-day = Per day
plan-more-days = …and { $count } more days, until { $last }
plan-excluded = Not in the plan
plan-moved = moved to later days (limit)
plan-who = Who: { $reason }
plan-who-hint = List these contacts
plan-best-hour = each contact's best hour within
plan-best-hour-hint = The hour the person reads, clicks and replies at (from the results of the last half-year's sends); where it is not seen, their segment's or the whole base's hour; where neither is, the "at" time.
plan-best-hour-fallback = With the best hour: the time for those whose hour is known neither from them, nor their segment, nor the base.
plan-reactions = The base's reactions by local hour ({ $reactions }, only those that show the person's own time); { $learned } contacts have a best hour of their own
plan-reactions-series = reactions, % of the day
plan-reactions-plan = the plan by local time, %
plan-reactions-none = There is nothing to learn best hours from yet: import send results with reads, clicks or replies — everyone gets the "at" time.
plan-hours = Sends per hour
plan-hours-utc = UTC
plan-hours-local = local time
plan-export = Export for the sending service
plan-format = Format
plan-format-csv-semicolon = CSV with ";" (Excel)
plan-format-csv-comma = CSV with ","
plan-file = File
plan-export-button = Save the plan and export
plan-exported = { $rows } messages exported → { $path }. The plan is saved in the base.
plan-export-cancelled = Export cancelled.
plan-warning-title = Before exporting, note
plan-warning-gap = "{ $name }" is empty without a fallback for { $count } recipients: they get a text with a gap.
plan-warning-moved = { $count } recipients do not fit the number's limit and move to later days ({ $days } days in all).
plan-warning-limit = With earlier plans, some 24 hours hold { $fullest } recipients against a limit of { $limit }.
plan-export-anyway = Export anyway
plan-first-rows = First rows of the plan: { $count }
plan-col-id = message_id
plan-col-name = Name
plan-col-address = Address
plan-col-variant = Variant
plan-col-local = Local
plan-col-zone = Zone
plan-col-utc = UTC
plan-col-text = Text
reject-unknown-message = no saved plan holds the message "{ $id }", and there is no customer column

## Results
results-header = Results of the campaign "{ $campaign }" (rates per delivered message)
results-total = Total
results-unplanned = outside plans
results-no-reads = The channel does not report reads: engagement is clicks and replies only.
ab-not-enough = not enough data yet
ab-no-difference = B: { $pp } pp clicks, no significant difference yet
ab-significant = B: { $pp } pp clicks, significant at 95 %
warning-block-rate = Blocked too often: variant "{ $variant }" (segment "{ $segment }") — { $rate } against { $threshold }. Blocks hurt a WhatsApp number's standing.
warning-unsubscribe-rate = Unsubscribed too often: variant "{ $variant }" (segment "{ $segment }") — { $rate } against { $threshold }.
results-title = Results
results-import = Load results…
results-none = No results yet: load the sending service's file (events or message statuses).
results-choose = Choose a campaign on the left.
results-planned = Planned
results-sent = Sent
results-delivered = Delivered
results-read = Read
results-click = Clicked
results-reply = Replied
results-unsubscribe = Unsubscribed
results-block = Blocked
results-col-variant = Variant
results-col-segment = Segment
results-make-segment = Make a segment:
results-clicked = clicked "{ $button }"
results-clicked-name = Clicked "{ $button }" in "{ $campaign }"
results-unread = did not read
results-unread-name = Did not read "{ $campaign }"
results-per-variant = Rates per variant, % of delivered
results-trend = Over campaigns, % of delivered
results-trend-counting = Counting over all campaigns…
results-thresholds = Warn when blocks exceed
results-thresholds-or = or unsubscribes exceed
results-thresholds-end = of delivered (or twice the base's average)
results-block-threshold = Block threshold, % of delivered
results-unsubscribe-threshold = Unsubscribe threshold, % of delivered
warning-sleeping = The share of sleeping contacts is growing: { $before } → { $now } after the last results import. Write to them less often, or offer something else.
error-bad-percent = "{ $value }": a percentage above 0 and at most 100 is needed.
setting-results-block-threshold = warn when more than this % of delivered messages get blocked
setting-results-attribution-days = a scenario step converted when the contact orders within this many days of its delivery
error-bad-days = "{ $value }" is not a number of days from 1 to 90.
setting-results-unsubscribe-threshold = warn when more than this % of delivered messages lead to an unsubscribe
plan-saved = Saved plans: { $count }
plan-saved-hint = Caps and the number's limit count them; results are matched to them.
plan-delete = Delete the plan: caps and the limit stop counting it, and its results no longer match

## Background work, named when it stops on an internal error
job-lost = An internal error stopped “{ $work }”: { $reason }. Try again; if it happens again, please report it to the developers.
job-lost-short = An internal error stopped “{ $work }”.
job-lost-dismiss = Click to dismiss.
work-read-base = reading the base
work-save-settings = saving the settings
work-demo = creating the demo base
work-count = counting the segment
work-save = saving
work-overlap = segment overlaps
work-segment-export = exporting the segment
work-search = search
work-read-contacts = reading contacts
work-results = campaign results
work-file-dialog = choosing a file
work-plan = making the plan
work-plan-export = exporting the plan
work-campaign-file = the campaign file
work-audience = the campaign's audience
work-checks = checking the recipients
work-message-preview = the message preview
work-import-preview = the import preview
work-import = import
work-write-rejects = saving the rejected rows
work-rfm = RFM analysis
work-explain = Segment explanation

## What the import recognised in a file
import-origin = Recognised: { $origin }.
import-consent-stated = Everyone in this file agreed to receive messages
import-consent-source = Where they agreed:
import-consent-source-hint = e.g. the form on the site
import-consent-date = When:
import-consent-proof = Each contact of the file gets this consent (rows with a consent column of their own keep theirs). You must be able to prove it (38-FZ): keep the form, contract or export it comes from. Consent to process personal data is no consent to advertising.
import-id-system = The ids in this file are ids of “{ $system }”; another system:
import-id-system-hint = Each system has its own ids: customer 5012 in amoCRM and customer 5012 in 1C are two people. Name the system in one word (e.g. 1c) if the file is not from it.
origin-amocrm-contacts = an amoCRM contacts export
origin-bitrix24-contacts = a Bitrix24 contacts export
origin-tilda-leads = a Tilda form leads export
origin-shopify-customers = a Shopify customers export
origin-shopify-orders = a Shopify orders export
origin-woocommerce-orders = a WooCommerce orders export
import-phones = The number to message is looked for in these columns, in order: { $columns } — the first mobile one, else the first valid one.
import-custom = Kept as custom fields: { $columns }.
import-remembered = Your column choices for files with these headers are applied: { $columns }.
profile-error-field = The column field "{ $field }" is unknown. Fields: message_id, contact_id, external_id, phone, telegram, name, first_name, city, channel, campaign, variant, arm, text, sms_parts, moment, local_time, send_at_utc, time_zone, wa_template, wa_language, wa_params, var:name, custom:name.
profile-error-phone-format = The phone format "{ $format }" is unknown: e164 (+79123456789), digits (79123456789) or national (89123456789).
profile-error-moment-format = The time format "{ $format }" cannot be read: use %Y, %m, %d, %H, %M, %S, e.g. %Y-%m-%d %H:%M.
profile-error-json = The profile cannot be read (line { $line }): { $reason }
profile-error-version = A profile of version { $version } is unknown to this Adresat (it knows version 1).
profile-error-name = The profile has no name.
profile-error-no-columns = The profile has no columns.
profile-error-separator = The separator "{ $value }" will not do: ";", ",", "|" or a tab.
profile-error-plain-header = The header "{ $header }" is not accepted by the service: Latin letters, digits and "_" only.
profile-error-header-twice = The header "{ $header }" appears twice.
profile-error-shipped = "{ $name }" is a built-in profile: it cannot be changed or deleted. Make a copy under another name.
profile-error-not-found = There is no profile "{ $name }". There are: { $names }.
profile-saved = Profile "{ $name }" saved in the base.
profile-deleted = Profile "{ $name }" deleted.
profile-finding-cp1251 = { $count ->
        [one] { $shown } text holds
       *[other] { $shown } texts hold
    } characters the cp1251 encoding lacks ({ $chars }; { $who }): the file will show "?" instead. Save in UTF-8 if the service takes it.
profile-finding-wa-space = { $count ->
        [one] { $shown } recipient has
       *[other] { $shown } recipients have
    } a WhatsApp parameter with a line break, a tab or five spaces in a row ({ $who }): Meta refuses such messages.
profile-finding-too-soon = { $count ->
        [one] { $shown } message is
       *[other] { $shown } messages are
    } due in less than { $minutes } minutes or already past ({ $who }): the service will not take them. Plan for a later time.
profile-finding-too-late = { $count ->
        [one] { $shown } message is
       *[other] { $shown } messages are
    } due more than { $days } days ahead ({ $who }): the service will not take them.
profile-finding-repeated = { $count ->
        [one] { $shown } number appears
       *[other] { $shown } numbers appear
    } twice in the file ({ $who }): the gateway keeps only a number's first row.
profile-finding-empty = { $count ->
        [one] { $shown } recipient lacks
       *[other] { $shown } recipients lack
    } a value the profile requires ({ $who }): no file was written. Fill the field in or let the profile allow empty values.
plan-error-too-many-batches = The plan splits into { $count } files, more than { $most }: choose a coarser split (by day or by time zone).
export-error-folder-taken = The folder "{ $path }" exists and is not empty: choose a new folder for the plan's files.
cli-plan-reexported = The saved plan exported again: { $rows } messages → { $path }
cli-plan-dropped = dropped out since it was planned ({ $reason }): { $count }
cli-plan-gone = deleted from the base since it was planned: { $count }
plan-profile = Sending service
plan-profile-edit = Edit profile…
plan-profile-adresat = every field of the plan (Adresat)
plan-profile-whatsapp = WhatsApp Business API: template upload
plan-profile-sms = SMS gateway: "number;text", cp1251
plan-profile-telegram = Telegram bot: chat id and text
plan-profile-api = scheduling API (UTC, Twilio-style)
plan-split = Split into files
plan-split-none = one file
plan-split-hour = by send hour
plan-split-day = by the recipient's day
plan-split-zone = by time zone
plan-folder = New folder for the files
plan-checking = Checking for the service…
plan-export-utf8 = Save in UTF-8
plan-open-folder = Open folder
plan-open-folder-failed = The folder "{ $path }" could not be opened: { $reason }
plan-batch-file = File
plan-batch-utc = Start, UTC
plan-batch-owner = Start, your time
plan-batch-messages = Messages
plan-batch-parts = SMS parts
profile-title = Export profile
profile-copy-name = { $name } (copy)
profile-name = Name
profile-file-type = File type
profile-encoding = Encoding
profile-encoding-utf8-bom = UTF-8 for Excel (with BOM)
profile-separator = Separator
profile-separator-tab = tab
profile-missing = Empty value
profile-missing-fallback = the text's fallback
profile-missing-empty = leave empty
profile-missing-refuse = do not export
profile-moment-zone = Send time by the clock of
profile-zone-contact = the recipient
profile-zone-owner = yours
profile-moment-format = Time format
profile-header-row = Header row
profile-plain-headers = Latin headers only
profile-unique-phone = A number only once
profile-columns = Columns
profile-col-field = Column holds
profile-col-header = Header
profile-col-format = Format
profile-up = Up
profile-down = Down
profile-remove-column = Remove column
profile-add-column = + Column
profile-preview = The file's first rows:
profile-save = Save in the base
profile-delete = Delete profile
profile-var-name = name
profile-header-default = as the field
profile-format-default = as the profile's
profile-split = Split into files
profile-preview-no-header = The file's first rows (the file has no header row; the column names are for you):
campaign-wa-template = WhatsApp template
campaign-wa-language = language
campaign-wa-template-hint = as Meta approved it — goes into the provider's upload
plan-again = Export again
plan-again-hint = Export this plan again in any profile without planning it again: moments and message ids stay; texts, consent and status are read from today's base.
plan-exported-again = Exported messages: { $rows } → { $path }. The saved plan is unchanged.
plan-saved-again = The saved plan of "{ $campaign }" for { $date }: exported without planning again. Who dropped out since is under "Not in the plan".
profile-min-ahead = Not sooner than, minutes
profile-max-ahead = Not later than, days
warn-own-activity-kinds = Kinds of activity other than the standard ones (viewed, carted, checkout, favourited, ordered) were kept under your own names: { $kinds }. Check they are not typos.
cond-type-activity = Activity on the site
activity-did = did
activity-did-not = did not
activity-did-hint = Whether the customer did it
activity-kind-hint = Which activity (from the shop's or site's events file)
activity-kind-viewed = viewed a product
activity-kind-carted = added to cart
activity-kind-checkout = began checkout
activity-kind-favourited = added to favourites
activity-kind-ordered = placed an order
activity-product = product
activity-category = category
window-ever = ever
window-days = in the last … days
window-hours = in the last … hours
window-hint = Over which period
rule-hours = h
rule-hours-hint = Hours before the moment of counting
rule-error-window = Condition { $spot }: give the period in days or in hours, not both.
rule-error-unknown-activity = Condition { $spot }: the base has no activity "{ $kind }" (import the shop's or site's events file).
scenario-error-json = The scenario cannot be read (line { $line }, column { $column }): { $reason }
scenario-error-version = The scenario is of version { $version }; this program reads version { $supported }.
scenario-error-no-name = The scenario has no name.
scenario-error-no-steps = The scenario has no step.
scenario-error-left-no-filter = "Exit on leaving the segment" is set, but there is no entry segment.
scenario-error-exit-button = The exit is a click on "{ $button }", but no step has that button.
scenario-error-segment = The base has no segment "{ $segment }".
scenario-error-activity = The base has no activity "{ $kind }" (import the shop's or site's events file).
scenario-error-no-order-days = "No order for N days": N must be at least 1.
scenario-error-yearly-field = The base has no date field "{ $field }".
scenario-error-text = Step { $step }: the text is empty.
scenario-error-template = Step { $step }, character { $position }: { $reason }
scenario-error-time = Step { $step }: the time "{ $value }" is not understood; expected HH:MM.
scenario-error-expiry = Step { $step }: the expiry must be at least an hour.
scenario-error-first-condition = Step { $step }: the first step has no previous one, so its condition can only be "always".
scenario-error-read-channel = Step { $step }: this channel does not report reads; choose "delivered without a reaction" or a click.
scenario-error-condition-button = Step { $step }: the previous step has no button "{ $button }".
scenario-error-taken = A scenario "{ $name }" exists; choose another name or replace it (--replace).
scenario-error-stored = The saved scenario "{ $name }" cannot be read: { $reason }
scenario-error-not-found = There is no scenario "{ $name }".
cli-scenario-saved = Scenario "{ $name }" saved.
scenario-error-window = The window ends before it starts: "until" must come after "now".
scenario-end-completed = last step planned
scenario-end-ordered = ordered
scenario-end-replied = replied
scenario-end-unsubscribed = unsubscribed
scenario-end-blocked = blocked
scenario-end-clicked = clicked the exit button
scenario-end-left-filter = left the entry segment
scenario-end-expired = a step expired before it could go
scenario-end-no-results = no results to decide on before the step expired
scenario-end-unreachable = no consent or no address on the channel
scenario-end-sleeping = among the sleeping
scenario-not-entered-in-chain = already in this chain
scenario-not-entered-cooldown = inside the cool-down
scenario-not-entered-filter = not in the entry segment
scenario-not-entered-unreachable = no consent or no address on the channel
cli-scenario-run-head = Run of { $now } → { $until }: { $messages } messages
cli-scenario-run-line = { $scenario }: { $triggers } triggers, { $entered } entered, { $planned } planned, { $waiting } waiting
cli-scenario-run-noted = { $scenario }: first run — { $count } contacts noted in the segment, none entered (they enter when they join it later)
cli-scenario-run-step = step { $step }: { $count }
cli-scenario-run-reason = { $reason }: { $count }
cli-scenario-run-nothing = Nothing is due in this window; the run is saved, no file written.
cli-scenario-run-file = → { $path }
cli-scenario-bad-moment = "{ $value }" is not a moment; expected YYYY-MM-DD HH:MM (the owner's time zone).
cli-scenario-results-head = { $scenario }: { $entries } entries, { $open } open; converted = an order within { $days } days of the delivery
cli-scenario-none = No saved scenarios.
cli-scenario-file = { $path }: { $reason }
cli-scenario-steps = { $count ->
    [one] { $shown } step
   *[other] { $shown } steps
}
cond-type-last_activity_value = Value of the last activity
activity-value-hint = The value of the last such activity (a cart's total, say), in roubles
nav-scenarios = Scenarios
scenarios-title = Scenarios
scenarios-about = Chains of messages that start with what a customer did: an abandoned cart, a first order, "has not bought for a while", a birthday. Write, check and save them here; "Plan due messages…" turns them into the messages due.
scenarios-none = No saved scenarios yet.
scenario-new = New scenario
scenario-json = The scenario (as JSON, see docs/scenarios.md)
scenario-save = Check and save
scenario-delete = Delete
scenario-deleted = Scenario deleted.
scenario-job-failed = It could not be done; see the status bar.
scenario-file = Scenario file (.json)
scenario-load = Load from the file
scenario-words-trigger = Starts on: { $trigger }. Again no sooner than { $cooldown } days later.
scenario-words-filter = Only for the segment "{ $segment }".
scenario-words-step = Step { $n }: { $when }
scenario-words-product = , product "{ $product }"
scenario-words-category = , category "{ $category }"
scenario-words-first-order = a first order
scenario-words-order = an order
scenario-words-segment = entered the segment "{ $segment }"
scenario-words-rfm = entered the RFM group "{ $group }"
scenario-words-no-order = no order for { $days } days
scenario-words-yearly = { $days } days before "{ $field }"
scenario-words-from-trigger = after the start
scenario-words-from-previous = after the previous step
scenario-words-hours = { $n } h
scenario-words-days = { $n } days
scenario-words-best-hour = the next day at the person's best hour within { $window } (where none is known, at { $time })
scenario-words-next-day = the next day at { $time }
scenario-words-if-no-reaction = , if there was no reaction
scenario-words-if-read = , if read
scenario-words-if-clicked = , if "{ $button }" was clicked
scenario-words-expires = no later than { $hours } h after it is due
scenario-run-open = Plan due messages…
scenario-run-title = Messages the scenarios have due
scenario-run-about = Import what happened first (the shop's activity, the sending service's results). Then every saved scenario finds its new triggers and plans the steps due from now for the hours below, under consent, quiet hours, caps and the WhatsApp limit. The entries move on only once the file is written.
scenario-run-hours = Hours ahead
scenario-run-plan = Plan
scenario-run-nothing = Nothing is due in this window. Saving the run moves the triggers and chains on.
scenario-run-write = Write the file and save the run
scenario-run-save = Save the run
scenario-run-written = { $count } messages written → { $path }. The run is saved.
scenario-run-file-name = Scenarios { $at }
scenario-results-title = Results per step
scenario-results-refresh = Refresh
scenario-results-window = An order counts as a conversion within this many days of the delivery
scenario-funnel-step = Step
scenario-funnel-entered = Came this far
scenario-funnel-sent = Sent
scenario-funnel-reacted = Reacted
scenario-funnel-moved-on = Moved on
scenario-funnel-exited = Left here
scenario-funnel-converted = Bought
scenario-timeline-trigger = { $at }: entered{ $about }
scenario-timeline-planned = { $at }: step { $step } planned
scenario-timeline-event = { $at }: step { $step } — { $event }{ $buttons }
scenario-timeline-ended = { $at }: the chain ended — { $reason }
scenario-timeline-none = This contact has not entered this scenario.
scenario-timeline-who = Contact (phone or number)
scenario-timeline-show = Show their way
scenario-form-title = Edit
scenario-json-title = The file
scenario-form-name = Name
scenario-form-channel = Channel
scenario-form-rank = Rank
scenario-form-trigger = Starts on
scenario-trigger-activity = an activity on the site
scenario-trigger-order = an order
scenario-trigger-segment = entering a segment
scenario-trigger-rfm = entering an RFM group
scenario-trigger-no-order = days without an order
scenario-trigger-yearly = a yearly date
scenario-form-kind = Activity
scenario-form-product = product
scenario-form-category = category
scenario-form-first = only the first
scenario-form-everyone-now = on the first run, enter everyone in it now
scenario-form-days = days
scenario-form-field = date field
scenario-form-days-before = days before
scenario-form-filter = Only for the segment
scenario-form-filter-none = everyone
scenario-form-cooldown = again after, days
scenario-form-look-back = look back, hours
scenario-form-exits = Ends on
scenario-form-exit-order = an order
scenario-form-exit-left = leaving the segment
scenario-form-exit-click = the button
scenario-step-up = Move up
scenario-step-down = Move down
scenario-step-remove = Remove the step
scenario-step-add = + Add a step
scenario-step-preview = A contact the base knows nothing of reads:
scenario-step-length = { $n } characters
scenario-step-parts = { $n } SMS
scenario-step-expiry = drop if late by, hours
scenario-step-text = Text
scenario-step-wait = Wait
scenario-wait-hours = hours
scenario-wait-days = days
scenario-wait-next-day = until the next day at
scenario-step-how-long = how long
scenario-wait-best-hour = until the next day, at the person's best hour
scenario-step-best-window = within
scenario-step-best-otherwise = where none is known, at
scenario-step-at = time
scenario-step-from = counted from
scenario-step-if = If the previous step
scenario-if-always = whatever happened
scenario-if-no-reaction = was delivered with no reaction
scenario-if-read = was read
scenario-if-clicked = had this button clicked
scenario-step-button = Button
scenario-step-button-tag = tag a click sets
scenario-step-button-remove = Remove the button
scenario-step-button-add = + button
scenario-presets = Presets ▾
rfm-balanced = chosen between tied values
rfm-balanced-why = Where many customers share a value (most often one order), the quintile cut points would coincide and some scores hold nobody; then the cut points are chosen among the distinct values, as near the quintiles as the ties allow, so every score holds someone and equal values always share a score.

## Why is this contact (not) in the segment
explain-none = none
explain-empty = empty
explain-value = Value: { $value }
explain-channels = Channels: { $value }
explain-created = Added: { $value }
explain-days-ago = Days ago: { $value }
explain-consent = Consent: { $value }
explain-status = Status: { $value }
explain-tags = Tags: { $value }
explain-events = Such events: { $value }
explain-actions = Such actions: { $value }
explain-last = Last: { $value }
explain-last-value = Its value: { $value }
explain-unanswered = Campaigns in a row without a reaction: { $value }
explain-clicked = Clicked: { $value }
explain-not-clicked = Not clicked: { $value }
explain-orders = Orders: { $value }
explain-total = Total: { $value }
explain-average = Average order: { $value }
explain-last-order = Last order: { $value }
explain-bought = Such purchases: { $value }
explain-last-bought = The last such: { $value }
explain-rfm = RFM scores: { $value }
explain-rfm-group = RFM group: { $value }
explain-all-held = { $count ->
    [0] An empty group: everyone fits
    [one] Its { $count } condition holds
   *[other] All { $count } conditions hold
}
explain-all-failed = Decided by condition { $spot }: it does not hold
explain-any-held = Decided by condition { $spot }: it holds
explain-none-held = Decided by condition { $spot }: it holds, and must not
explain-nothing-held = No condition holds
explain-in = { $who } (no. { $id }) is in the segment
explain-out = { $who } (no. { $id }) is not in the segment
explain-group = Group: { $mode } of the conditions
explain-segment = Segment «{ $name }»
who-no-id = There is no contact number { $value } in the base.
who-no-external = There is no contact with the external id { $value }.
who-no-phone = There is no contact with the phone { $value }.
who-no-email = There is no contact with the e-mail { $value }.
who-many-external = Several contacts have the external id { $value }: { $keys }. Give one of them.
why-open = Why?
why-title = Why is the contact (not) in the segment:
why-about = Name a contact and the conditions turn green where they hold and red where not, with the contact's values beside them.
why-key-hint = Which key to find the contact by
why-key-phone = by phone
why-key-email = by e-mail
why-key-external = by CRM id
why-key-id = by number in the base
why-key = Contact
why-hint-phone = +7 912 345-67-89
why-hint-email = anna@mail.ru
why-hint-external = amocrm:5012 or 5012
why-hint-id = 125
why-show = Show
why-close = Close
why-not-a-number = «{ $value }» is not a contact number: the number in the base is a whole number.
why-decisive = this decided it
preview-why-not = why not in «{ $segment }»?
