//! Numbered migrations. `PRAGMA user_version` holds how many have run; a base made by an older
//! version gets the missing ones, in order, in one transaction, and keeps everything it held.

/// Each entry moves the schema from version `i` to `i + 1`. Never edit a released entry: add one.
pub const MIGRATIONS: &[&str] = &[
    // 1: contacts, tags, orders, events, settings. References are checked at commit (deferred):
    // an import is one transaction, and immediate checks would make SQLite keep an undo log for
    // every multi-row statement.
    r#"
    CREATE TABLE contacts (
        id              INTEGER PRIMARY KEY,
        external_id     TEXT UNIQUE,
        name            TEXT,
        first_name      TEXT,
        phone           TEXT UNIQUE,
        tg_chat_id      TEXT UNIQUE,
        tg_username     TEXT UNIQUE,
        city            TEXT,
        region          TEXT,
        time_zone       TEXT NOT NULL,
        tz_source       TEXT NOT NULL CHECK (tz_source IN ('column', 'city', 'default')),
        source          TEXT,
        utm_source      TEXT,
        utm_medium      TEXT,
        utm_campaign    TEXT,
        utm_content     TEXT,
        utm_term        TEXT,
        consent         TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('yes', 'no', 'unknown')),
        consent_at      TEXT,
        consent_source  TEXT,
        status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unsubscribed', 'blocked')),
        status_at       TEXT,
        created_at      TEXT NOT NULL,
        custom          TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX contacts_city ON contacts(city);
    -- Tag names are stored once; a contact's tags refer to them by number, which keeps the
    -- million-contact tag table small and its comparisons cheap.
    CREATE TABLE tag_names (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE
    );
    CREATE TABLE tags (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        tag_id      INTEGER NOT NULL REFERENCES tag_names(id) DEFERRABLE INITIALLY DEFERRED,
        set_at      TEXT NOT NULL,
        PRIMARY KEY (contact_id, tag_id)
    ) WITHOUT ROWID;
    CREATE INDEX tags_by_tag ON tags(tag_id, contact_id);
    CREATE TABLE orders (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        order_id    TEXT,
        ordered_at  TEXT NOT NULL,
        amount_kop  INTEGER NOT NULL,
        product     TEXT,
        category    TEXT,
        dedup_key   TEXT NOT NULL UNIQUE
    );
    CREATE INDEX orders_contact ON orders(contact_id, ordered_at);
    CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        campaign    TEXT NOT NULL,
        message_id  TEXT NOT NULL DEFAULT '',
        kind        TEXT NOT NULL CHECK (kind IN ('sent', 'delivered', 'read', 'clicked', 'replied', 'unsubscribed', 'blocked')),
        button      TEXT NOT NULL DEFAULT '',
        at          TEXT NOT NULL,
        UNIQUE (contact_id, campaign, kind, at, message_id, button)
    );
    CREATE INDEX events_campaign ON events(campaign, kind);
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: the per-contact engagement summary the segment rules read instead of scanning events.
    r#"
    CREATE TABLE engagement (
        contact_id          INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        last_sent_at        TEXT,
        last_read_at        TEXT,
        last_click_at       TEXT,
        last_reply_at       TEXT,
        campaigns_delivered INTEGER NOT NULL DEFAULT 0,
        unengaged_streak    INTEGER NOT NULL DEFAULT 0
    );
    "#,
    // 3: saved segments and flows, and the indexes segment rules lean on.
    r#"
    CREATE TABLE segments (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        rule        TEXT NOT NULL,
        notes       TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE flows (
        id       INTEGER PRIMARY KEY,
        name     TEXT NOT NULL UNIQUE,
        buttons  TEXT NOT NULL
    );
    CREATE INDEX contacts_time_zone ON contacts(time_zone);
    CREATE INDEX contacts_source ON contacts(source);
    CREATE INDEX events_kind_at ON events(kind, at, contact_id);
    CREATE INDEX events_button ON events(button, kind, contact_id) WHERE button <> '';
    CREATE INDEX orders_category ON orders(category, ordered_at, contact_id) WHERE category IS NOT NULL;
    CREATE INDEX orders_product ON orders(product, ordered_at, contact_id) WHERE product IS NOT NULL;
    CREATE INDEX engagement_streak ON engagement(unengaged_streak, contact_id);
    "#,
    // 4: RFM scores per customer, as of the date kept in settings.
    r#"
    CREATE TABLE rfm (
        contact_id    INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        recency_days  INTEGER NOT NULL,
        frequency     INTEGER NOT NULL,
        monetary_kop  INTEGER NOT NULL,
        r             INTEGER NOT NULL CHECK (r BETWEEN 1 AND 5),
        f             INTEGER NOT NULL CHECK (f BETWEEN 1 AND 5),
        m             INTEGER NOT NULL CHECK (m BETWEEN 1 AND 5),
        grp           TEXT NOT NULL
    );
    CREATE INDEX rfm_group ON rfm(grp, contact_id);
    "#,
    // 5: campaigns, saved whole as JSON.
    r#"
    CREATE TABLE campaigns (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        campaign    TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    "#,
    // 6: send plans and their messages, so caps see what is planned and results find the
    // message they answer. A message's id is the plan's prefix and the contact's id; the plan
    // keeps the campaign as it was planned, so its variants are numbers here. Moments are unix
    // seconds (UTC).
    r#"
    CREATE TABLE plans (
        id          INTEGER PRIMARY KEY,
        campaign    TEXT NOT NULL,
        plan_date   TEXT NOT NULL,
        id_prefix   TEXT NOT NULL,
        snapshot    TEXT NOT NULL,
        options     TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        UNIQUE (campaign, plan_date)
    );
    CREATE INDEX plans_prefix ON plans(id_prefix);
    CREATE TABLE plan_items (
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        variant     INTEGER NOT NULL,
        arm         TEXT NOT NULL,
        send_at     INTEGER NOT NULL,
        PRIMARY KEY (plan_id, contact_id)
    ) WITHOUT ROWID;
    "#,
    // 7: the share of sleeping contacts after each results import, so a growing share shows.
    r#"
    CREATE TABLE sleeping_history (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        sleeping  INTEGER NOT NULL,
        reached   INTEGER NOT NULL
    );
    "#,
    // 8: contact keys unique through partial indexes instead of column constraints. A column's
    // UNIQUE cannot be dropped, so every row of a first import paid for four index entries (two
    // of them for keys it does not have, NULL); an index can be dropped while an import fills an
    // empty table and built once, sorted, at its end — where it still refuses a duplicate. The
    // table is rebuilt the way SQLite documents it (foreign keys are off while migrations run),
    // keeping every id.
    r#"
    CREATE TABLE contacts_new (
        id              INTEGER PRIMARY KEY,
        external_id     TEXT,
        name            TEXT,
        first_name      TEXT,
        phone           TEXT,
        tg_chat_id      TEXT,
        tg_username     TEXT,
        city            TEXT,
        region          TEXT,
        time_zone       TEXT NOT NULL,
        tz_source       TEXT NOT NULL CHECK (tz_source IN ('column', 'city', 'default')),
        source          TEXT,
        utm_source      TEXT,
        utm_medium      TEXT,
        utm_campaign    TEXT,
        utm_content     TEXT,
        utm_term        TEXT,
        consent         TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('yes', 'no', 'unknown')),
        consent_at      TEXT,
        consent_source  TEXT,
        status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'unsubscribed', 'blocked')),
        status_at       TEXT,
        created_at      TEXT NOT NULL,
        custom          TEXT NOT NULL DEFAULT '{}'
    );
    INSERT INTO contacts_new SELECT * FROM contacts;
    DROP TABLE contacts;
    ALTER TABLE contacts_new RENAME TO contacts;
    CREATE UNIQUE INDEX contacts_external_id ON contacts(external_id) WHERE external_id IS NOT NULL;
    CREATE UNIQUE INDEX contacts_phone ON contacts(phone) WHERE phone IS NOT NULL;
    CREATE UNIQUE INDEX contacts_tg_chat_id ON contacts(tg_chat_id) WHERE tg_chat_id IS NOT NULL;
    CREATE UNIQUE INDEX contacts_tg_username ON contacts(tg_username) WHERE tg_username IS NOT NULL;
    CREATE INDEX contacts_city ON contacts(city);
    CREATE INDEX contacts_time_zone ON contacts(time_zone);
    CREATE INDEX contacts_source ON contacts(source);
    "#,
    // 9: who is who across the owner's tools (DESIGN.md, "Who is who", "Consent", "Time"): the
    // system an external id comes from (ids stored so far are the owner's own), the e-mail as a
    // key of its own, the birthday, consent per channel where a file says so (NULL: as the
    // general consent) and the file the consent came from (the sender must prove it), and the
    // address and the phone's country as zone sources; an order's items (a shop's line items, or
    // the items packed in one cell), each with its product, category, quantity and price; the
    // purchase totals a customers export gives instead of orders (RFM scores them when the
    // contact has no order rows).
    //
    // No stored row is rewritten: a million-contact base migrates in the time of its two index
    // builds, about a second. (A CHECK on an added column would have SQLite read every row to
    // test it, seconds each: the channels' words are the code's own.) The zone source's CHECK is
    // widened in the schema text, the way SQLite documents for changes that constrain no stored
    // content, after the ALTERs (which edit that text too). The id comes first in its index, so
    // a search for an id typed whole, of whatever system, still finds it through the index.
    r#"
    ALTER TABLE contacts ADD COLUMN id_system TEXT NOT NULL DEFAULT 'own';
    ALTER TABLE contacts ADD COLUMN email TEXT;
    ALTER TABLE contacts ADD COLUMN birthday TEXT;
    ALTER TABLE contacts ADD COLUMN consent_whatsapp TEXT;
    ALTER TABLE contacts ADD COLUMN consent_telegram TEXT;
    ALTER TABLE contacts ADD COLUMN consent_sms TEXT;
    ALTER TABLE contacts ADD COLUMN consent_file TEXT;
    DROP INDEX contacts_external_id;
    CREATE UNIQUE INDEX contacts_external_id ON contacts(external_id, id_system) WHERE external_id IS NOT NULL;
    CREATE UNIQUE INDEX contacts_email ON contacts(email) WHERE email IS NOT NULL;
    CREATE TABLE order_items (
        order_row   INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        n           INTEGER NOT NULL,
        product     TEXT,
        category    TEXT,
        quantity    INTEGER NOT NULL DEFAULT 1,
        price_kop   INTEGER,
        PRIMARY KEY (order_row, n)
    ) WITHOUT ROWID;
    CREATE INDEX order_items_product ON order_items(product, order_row) WHERE product IS NOT NULL;
    CREATE INDEX order_items_category ON order_items(category, order_row) WHERE category IS NOT NULL;
    CREATE TABLE purchase_summary (
        contact_id     INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        orders         INTEGER,
        spent_kop      INTEGER,
        last_order_at  TEXT
    );
    PRAGMA writable_schema = ON;
    UPDATE sqlite_schema
       SET sql = replace(sql, 'CHECK (tz_source IN (''column'', ''city'', ''default''))',
                              'CHECK (tz_source IN (''column'', ''city'', ''address'', ''phone_country'', ''default''))')
     WHERE type = 'table' AND name = 'contacts';
    PRAGMA writable_schema = RESET;
    "#,
    // 10: the owner's export profiles, by name (the shipped ones live in the code).
    r#"
    CREATE TABLE export_profiles (
        name      TEXT PRIMARY KEY,
        profile   TEXT NOT NULL,
        saved_at  TEXT NOT NULL
    );
    "#,
    // 11: per campaign, who of the base it reached and how: one row per campaign and contact
    // with the kinds of event that came back as bits (sent 1, delivered 2, read 4, clicked 8,
    // replied 16, unsubscribed 32, blocked 64 — `store::results::kind_bit`), kept by every
    // events import for the contacts it touched. The Results screen counts these rows instead of
    // counting distinct contacts among millions of events for every campaign it shows.
    r#"
    CREATE TABLE event_campaigns (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE,
        first_at  TEXT NOT NULL
    );
    CREATE TABLE campaign_reach (
        campaign_id  INTEGER NOT NULL REFERENCES event_campaigns(id),
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        kinds        INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, contact_id)
    ) WITHOUT ROWID;
    INSERT INTO event_campaigns (name, first_at)
        SELECT campaign, min(at) FROM events GROUP BY campaign ORDER BY 2, 1;
    INSERT INTO campaign_reach (campaign_id, contact_id, kinds)
        SELECT c.id, e.contact_id,
               max(e.kind = 'sent') + 2 * max(e.kind = 'delivered') + 4 * max(e.kind = 'read')
               + 8 * max(e.kind = 'clicked') + 16 * max(e.kind = 'replied')
               + 32 * max(e.kind = 'unsubscribed') + 64 * max(e.kind = 'blocked')
        FROM events e JOIN event_campaigns c ON c.name = e.campaign
        GROUP BY c.id, e.contact_id;
    CREATE INDEX campaign_reach_contact ON campaign_reach(contact_id);
    "#,
    // 12: events in numbers: the campaign as its row in `event_campaigns`, the kind as its row
    // in `event_kinds` (the seven a sending service reports; the kinds of a site's or a shop's
    // activity join them), the moment as unix seconds (UTC). A million-contact base's events
    // shrink by half and are compared as integers. The first moment of each campaign is kept
    // in the same unit. Every event keeps its id.
    r#"
    CREATE TABLE event_kinds (
        id    INTEGER PRIMARY KEY,
        name  TEXT NOT NULL UNIQUE
    );
    INSERT INTO event_kinds (id, name) VALUES (1, 'sent'), (2, 'delivered'), (3, 'read'),
        (4, 'clicked'), (5, 'replied'), (6, 'unsubscribed'), (7, 'blocked');
    CREATE TABLE event_campaigns_new (
        id        INTEGER PRIMARY KEY,
        name      TEXT NOT NULL UNIQUE,
        first_at  INTEGER NOT NULL
    );
    INSERT INTO event_campaigns_new (id, name, first_at)
        SELECT id, name, unixepoch(first_at) FROM event_campaigns;
    -- Every stored event keeps its campaign, even one the summary missed.
    INSERT OR IGNORE INTO event_campaigns_new (name, first_at)
        SELECT campaign, unixepoch(min(at)) FROM events GROUP BY campaign;
    DROP TABLE event_campaigns;
    ALTER TABLE event_campaigns_new RENAME TO event_campaigns;
    CREATE TABLE events_new (
        id           INTEGER PRIMARY KEY,
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        campaign_id  INTEGER NOT NULL,
        kind         INTEGER NOT NULL,
        at           INTEGER NOT NULL,
        message_id   TEXT NOT NULL DEFAULT '',
        button       TEXT NOT NULL DEFAULT '',
        UNIQUE (contact_id, campaign_id, kind, at, message_id, button)
    );
    INSERT INTO events_new (id, contact_id, campaign_id, kind, at, message_id, button)
        SELECT e.id, e.contact_id, c.id, k.id, unixepoch(e.at), e.message_id, e.button
        FROM events e JOIN event_campaigns c ON c.name = e.campaign
        JOIN event_kinds k ON k.name = e.kind
        ORDER BY e.id;
    DROP TABLE events;
    ALTER TABLE events_new RENAME TO events;
    CREATE INDEX events_campaign ON events(campaign_id, kind);
    CREATE INDEX events_kind_at ON events(kind, at, contact_id);
    CREATE INDEX events_button ON events(button, kind, contact_id) WHERE button <> '';
    "#,
    // 13: per contact and kind of event, how many and the last one's moment (unix seconds),
    // kept by every events import for the contacts it touched: "never read", "read at least
    // 3 times" and "last click more than 30 days ago" read one row per contact that had the kind
    // instead of millions of events.
    r#"
    CREATE TABLE contact_kinds (
        kind        INTEGER NOT NULL,
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        n           INTEGER NOT NULL,
        last_at     INTEGER NOT NULL,
        PRIMARY KEY (kind, contact_id)
    ) WITHOUT ROWID;
    INSERT INTO contact_kinds (kind, contact_id, n, last_at)
        SELECT kind, contact_id, count(*), max(at) FROM events GROUP BY kind, contact_id;
    CREATE INDEX contact_kinds_contact ON contact_kinds(contact_id);
    "#,
    // 14: the events are one b-tree keyed by what makes an event itself (contact, campaign,
    // kind, moment, message id, button) instead of rows plus a unique index of the same columns
    // plus indexes by kind and by campaign: a million-contact base loses a third of a gigabyte,
    // an import writes one tree instead of four. "Since a moment" and "of a campaign" questions
    // find their contacts in the per-contact summaries (`contact_kinds`, `campaign_reach`) and
    // count each one's few events by its key. The copy reads the unique index in key order, so
    // nothing is sorted.
    r#"
    CREATE TABLE events_new (
        contact_id   INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        campaign_id  INTEGER NOT NULL,
        kind         INTEGER NOT NULL,
        at           INTEGER NOT NULL,
        message_id   TEXT NOT NULL DEFAULT '',
        button       TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (contact_id, campaign_id, kind, at, message_id, button)
    ) WITHOUT ROWID;
    INSERT INTO events_new (contact_id, campaign_id, kind, at, message_id, button)
        SELECT contact_id, campaign_id, kind, at, message_id, button FROM events
        ORDER BY contact_id, campaign_id, kind, at, message_id, button;
    DROP TABLE events;
    ALTER TABLE events_new RENAME TO events;
    CREATE INDEX events_button ON events(button, kind) WHERE button <> '';
    -- The moments a tag was set and the engagement summary's last moments as unix seconds too.
    CREATE TABLE tags_new (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        tag_id      INTEGER NOT NULL REFERENCES tag_names(id) DEFERRABLE INITIALLY DEFERRED,
        set_at      INTEGER NOT NULL,
        PRIMARY KEY (contact_id, tag_id)
    ) WITHOUT ROWID;
    INSERT INTO tags_new (contact_id, tag_id, set_at)
        SELECT contact_id, tag_id, coalesce(unixepoch(set_at), 0) FROM tags
        ORDER BY contact_id, tag_id;
    DROP TABLE tags;
    ALTER TABLE tags_new RENAME TO tags;
    CREATE INDEX tags_by_tag ON tags(tag_id, contact_id);
    CREATE TABLE engagement_new (
        contact_id          INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        last_sent_at        INTEGER,
        last_read_at        INTEGER,
        last_click_at       INTEGER,
        last_reply_at       INTEGER,
        campaigns_delivered INTEGER NOT NULL DEFAULT 0,
        unengaged_streak    INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO engagement_new
        SELECT contact_id, unixepoch(last_sent_at), unixepoch(last_read_at),
               unixepoch(last_click_at), unixepoch(last_reply_at), campaigns_delivered,
               unengaged_streak
        FROM engagement ORDER BY contact_id;
    DROP TABLE engagement;
    ALTER TABLE engagement_new RENAME TO engagement;
    CREATE INDEX engagement_streak ON engagement(unengaged_streak, contact_id);
    "#,
    // 15: per contact, how many orders, their total and the last one's moment, kept by every
    // write of orders, which the segment conditions on orders read instead of grouping every
    // order; and the contacts by consent, which most rules of a campaign ask. The RFM scores
    // lose their index by group: a segment reads the few hundred thousand rows in a blink, and
    // every RFM run spent a third of its time sorting it. The orders by product and by category
    // keep the product or category alone: the few orders of one are looked up for their
    // contact and moment, and the two indexes shrink by half.
    r#"
    CREATE TABLE order_totals (
        contact_id  INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        orders      INTEGER NOT NULL,
        total_kop   INTEGER NOT NULL,
        last_at     TEXT NOT NULL
    );
    INSERT INTO order_totals
        SELECT contact_id, count(*), sum(amount_kop), max(ordered_at) FROM orders GROUP BY contact_id;
    CREATE INDEX contacts_consent ON contacts(consent);
    DROP INDEX rfm_group;
    DROP INDEX orders_product;
    DROP INDEX orders_category;
    CREATE INDEX orders_product ON orders(product) WHERE product IS NOT NULL;
    CREATE INDEX orders_category ON orders(category) WHERE category IS NOT NULL;
    "#,
    // 16: activity events from the site, the shop or a CRM (viewed, carted, checkout,
    // favourited, ordered, and the owner's own kinds, which join `event_kinds` by name when
    // first imported): the contact, the kind, the moment (unix seconds), what it was about and
    // what it was worth. Keyed by the contact first, so "did K with category C in the last N
    // hours" finds its contacts in `contact_kinds` and reads each one's few rows by the key.
    r#"
    INSERT INTO event_kinds (id, name) VALUES (8, 'viewed'), (9, 'carted'), (10, 'checkout'),
        (11, 'favourited'), (12, 'ordered');
    CREATE TABLE activity (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        kind        INTEGER NOT NULL REFERENCES event_kinds(id),
        at          INTEGER NOT NULL,
        product     TEXT NOT NULL DEFAULT '',
        category    TEXT NOT NULL DEFAULT '',
        value_kop   INTEGER,
        url         TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (contact_id, kind, at, product, category)
    ) WITHOUT ROWID;
    "#,
    // 17: scenarios, saved by name as their JSON (`model::scenario`), like segments and
    // campaigns; their entries and runs join them when scenarios run.
    r#"
    CREATE TABLE scenarios (
        name      TEXT PRIMARY KEY,
        body      TEXT NOT NULL,
        saved_at  TEXT NOT NULL
    );
    "#,
    // 18: scenario runs. A run is the owner asking for the messages due in a window: it keeps
    // its moment and window, and its plans (one per scenario with messages, `run_id`) are never
    // replaced. An entry is one contact's pass through a scenario: the trigger (moment, and
    // what it was about), the next step to consider, the last step planned and its message,
    // and how it ended. A segment or RFM trigger remembers who was in it at the last run, and
    // on what basis (the segment's rule, the owner's RFM cut points); each scenario remembers
    // up to which moment its triggers were read.
    r#"
    CREATE TABLE scenario_runs (
        id        INTEGER PRIMARY KEY,
        made_at   INTEGER NOT NULL,
        until     INTEGER NOT NULL,
        messages  INTEGER NOT NULL
    );
    ALTER TABLE plans ADD COLUMN run_id INTEGER REFERENCES scenario_runs(id) ON DELETE CASCADE;
    CREATE TABLE scenario_entries (
        id            INTEGER PRIMARY KEY,
        scenario      TEXT NOT NULL,
        contact_id    INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        trigger_at    INTEGER NOT NULL,
        product       TEXT NOT NULL DEFAULT '',
        url           TEXT NOT NULL DEFAULT '',
        value_kop     INTEGER,
        run_id        INTEGER NOT NULL REFERENCES scenario_runs(id) ON DELETE CASCADE,
        next_step     INTEGER NOT NULL DEFAULT 0,
        last_step     INTEGER,
        last_at       INTEGER,
        last_message  TEXT NOT NULL DEFAULT '',
        ended_at      INTEGER,
        ended         TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX scenario_entries_contact ON scenario_entries(scenario, contact_id, trigger_at);
    CREATE INDEX scenario_entries_open ON scenario_entries(scenario) WHERE ended_at IS NULL;
    CREATE TABLE scenario_members (
        scenario    TEXT NOT NULL,
        contact_id  INTEGER NOT NULL,
        PRIMARY KEY (scenario, contact_id)
    ) WITHOUT ROWID;
    CREATE TABLE scenario_marks (
        scenario    TEXT PRIMARY KEY,
        seen_until  INTEGER NOT NULL,
        members     INTEGER NOT NULL DEFAULT 0,
        basis       TEXT NOT NULL DEFAULT ''
    );
    "#,
    // 19: each contact's reactions that tell their own time, by local hour: how many and their
    // weight (`model::reaction_hours`), refreshed with the other summaries by every events
    // import. A base made before gets them from its events once it is converted
    // (`migrate::REACTION_HOURS`).
    r#"
    CREATE TABLE reaction_hours (
        contact_id  INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        hour        INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
        reactions   INTEGER NOT NULL,
        weight      REAL NOT NULL,
        PRIMARY KEY (contact_id, hour)
    ) WITHOUT ROWID;
    "#,
];

/// The schema version this build writes.
pub const CURRENT_VERSION: usize = MIGRATIONS.len();
