-- The same story in another language is found by its agency uri (LanguageEditions), possibly
-- from another source; the (source, uri) key cannot serve a lookup by uri alone.
CREATE INDEX stories_by_uri ON stories (uri);
