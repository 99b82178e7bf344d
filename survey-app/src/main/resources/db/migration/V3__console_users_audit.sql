-- The console: an audit log of who changed what (surveys, customers, segments, users, settings).
CREATE SEQUENCE audit_entry_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE audit_entry (
    id              BIGINT        NOT NULL PRIMARY KEY,
    occurred_at     TIMESTAMP     NOT NULL,
    actor           VARCHAR(60)   NOT NULL,
    area            VARCHAR(20)   NOT NULL,
    subject         VARCHAR(200)  NOT NULL,
    action          VARCHAR(40)   NOT NULL,
    details         VARCHAR(2000)
);

CREATE INDEX ix_audit_entry_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_entry_area ON audit_entry (area, occurred_at);

-- The customer list filters by name and sorts by plan and region; segment counts read these columns.
CREATE INDEX ix_customer_name ON customer (name);
CREATE INDEX ix_customer_plan ON customer (plan);
CREATE INDEX ix_customer_region ON customer (region);
CREATE INDEX ix_customer_renewal ON customer (renewal_date);
CREATE INDEX ix_customer_attribute_name ON customer_attribute (attr_name, attr_value);
