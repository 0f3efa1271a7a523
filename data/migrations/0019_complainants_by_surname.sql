-- The register sorted by complainant lists them by surname, as a practice files its clients:
-- Anouk Bakker, Daan Bakker, Pieter-Bas de Boer, Sjoerd Bos, Zoë van 't Hoff. The tussenvoegsel
-- does not count ("de Boer" under B, "van 't Hoff" under H): it is written in lower case in the
-- surname (data.NameParts), so trimming the lower-case letters, spaces and apostrophes in front
-- leaves the name that sorts. A surname written all in lower case sorts as written; a complaint
-- without a surname (registered before 0009) by its full name. The full name breaks ties.
-- The register asks for the very same expression (data/list.go, surnameKeySQL), or SQLite does
-- not use the index.
DROP INDEX complaints_complainant;
CREATE INDEX complaints_complainant ON complaints (
    coalesce(nullif(ltrim(surname, 'abcdefghijklmnopqrstuvwxyz ''’'), ''), nullif(surname, ''), complainant_name) COLLATE NOCASE,
    complainant_name COLLATE NOCASE, id);
