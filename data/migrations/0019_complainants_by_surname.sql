-- The register sorted by complainant lists them by surname, as a practice files its clients:
-- Anouk Bakker, Daan Bakker, Pieter-Bas de Boer, Sjoerd Bos, Mehmet Çelik, Zoë van 't Hoff.
-- The tussenvoegsel does not count ("de Boer" under B) and accents do not either ("Çelik"
-- under C); by the full name, "Çelik" came after Z. The key is the SQL function
-- klrg_surname_key (data/surname_key.go), which the register's sort asks for in the very same
-- expression (data/list.go, surnameKeySQL), or SQLite does not use the index.
-- The key's two columns are in the index too: without them SQLite seeks each complaint it
-- counts past on the way to a page in the middle (half the time of that page at 100,000).
DROP INDEX complaints_complainant;
CREATE INDEX complaints_complainant ON complaints (klrg_surname_key(surname, complainant_name), id, surname, complainant_name);
