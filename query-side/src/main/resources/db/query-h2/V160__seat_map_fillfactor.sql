-- PostgreSQL's version of this migration leaves room on the seat-map tables' pages for in-place
-- updates; H2 has no such setting. This script keeps both databases' migration histories alike.
select 1;
