-- The date printed on a letter, which may lie up to two weeks after the day it is made (a
-- letter prepared before it is posted). A letter cannot have gone out before it: marked sent
-- earlier, the next letters cited a day before the one the complainant read on it. NULL for
-- a letter made before this column: it counts as dated the day it was made.
ALTER TABLE letters ADD COLUMN dated_on TEXT;
