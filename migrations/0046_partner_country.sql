-- A partner's country, for the items that name none (issue 13): a
-- national board's listing often gives the town alone, and a town we do
-- not know says nothing of its country.  Every posting shown has one:
-- the city's, else the item's, else the partner's; an item with none of
-- them is rejected with its reason.
ALTER TABLE partner ADD COLUMN country char(2)
    CHECK (country ~ '^[A-Z]{2}$');
