-- Helper views the analyst views share (created first by `council-extract
-- query` and `export`): each parent's owners and timescales folded into one
-- row, keyed by (parent_type, parent_id).
create or replace view parent_owners as
select parent_type, parent_id,
       string_agg(distinct coalesce(nullif(concat_ws(' – ', role, person), ''), raw), '; '
                  order by coalesce(nullif(concat_ws(' – ', role, person), ''), raw)) as owners
from owners
group by all;

create or replace view parent_timescales as
select parent_type, parent_id,
       min(due_date) as due_date,
       string_agg(distinct raw, '; ' order by raw) as due_raw,
       string_agg(distinct recurrence, '; ' order by recurrence) as recurrence
from timescales
group by all;
