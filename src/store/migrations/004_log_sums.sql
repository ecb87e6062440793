-- Schema 4: covering indexes for the two sums every plan reads (the minutes logged per
-- badge since its cycle began, and per day): the sums read the index alone instead of
-- looking up each log row in the table. No data changes.
CREATE INDEX log_minutes_by_badge ON log (badge_id, date, minutes);
CREATE INDEX log_minutes_by_date ON log (date, minutes);
