-- A complaint may come from an organisation (a company, a foundation, an association): its
-- name, beside the person who speaks for it and whom the letters address ("t.a.v."). The same
-- for the firm of a representative. '' is a private person, or a representative on their own.
ALTER TABLE complaints ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN rep_organisation TEXT NOT NULL DEFAULT '';
