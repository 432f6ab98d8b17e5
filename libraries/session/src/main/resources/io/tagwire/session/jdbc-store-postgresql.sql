-- Tables of Tagwire's JdbcMessageStore on PostgreSQL, in QuickFIX/J's layout: an existing
-- QuickFIX/J store (sessions and messages tables) can be used as it is.
-- Run it by hand (psql -f jdbc-store-postgresql.sql), or set JdbcStoreCreateTables=Y; the
-- names are those of JdbcStoreSessionsTableName and JdbcStoreMessagesTableName (defaults).
-- An empty part of a session's identity (no SenderSubID, no qualifier) is stored as
-- JdbcSessionIdDefaultPropertyValue, by default the empty string.

CREATE TABLE IF NOT EXISTS sessions (
    beginstring       CHAR(8)     NOT NULL,
    sendercompid      VARCHAR(64) NOT NULL,
    sendersubid       VARCHAR(64) NOT NULL,
    senderlocid       VARCHAR(64) NOT NULL,
    targetcompid      VARCHAR(64) NOT NULL,
    targetsubid       VARCHAR(64) NOT NULL,
    targetlocid       VARCHAR(64) NOT NULL,
    session_qualifier VARCHAR(64) NOT NULL,
    -- when the sequence numbers were last reset, UTC
    creation_time     TIMESTAMP   NOT NULL,
    incoming_seqnum   INTEGER     NOT NULL,
    outgoing_seqnum   INTEGER     NOT NULL,
    PRIMARY KEY (beginstring, sendercompid, sendersubid, senderlocid,
                 targetcompid, targetsubid, targetlocid, session_qualifier)
);

CREATE TABLE IF NOT EXISTS messages (
    beginstring       CHAR(8)     NOT NULL,
    sendercompid      VARCHAR(64) NOT NULL,
    sendersubid       VARCHAR(64) NOT NULL,
    senderlocid       VARCHAR(64) NOT NULL,
    targetcompid      VARCHAR(64) NOT NULL,
    targetsubid       VARCHAR(64) NOT NULL,
    targetlocid       VARCHAR(64) NOT NULL,
    session_qualifier VARCHAR(64) NOT NULL,
    msgseqnum         INTEGER     NOT NULL,
    -- the message as sent, one character per byte (ISO-8859-1)
    message           TEXT        NOT NULL,
    PRIMARY KEY (beginstring, sendercompid, sendersubid, senderlocid,
                 targetcompid, targetsubid, targetlocid, session_qualifier, msgseqnum)
);
