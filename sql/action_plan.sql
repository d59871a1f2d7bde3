-- action_plan: one row per recommendation and action (recommendation ⟕ actions),
-- with the owners and timescales of the action (or, when the action has none,
-- of the recommendation) folded into one row. A recommendation without actions
-- gives one row with the action columns null, so every recommendation appears;
-- an action the paper does not link to a recommendation (an action log's rows)
-- gives one row with the recommendation columns null, so every action appears.
-- `overdue` compares the due date with the as-of date: the variable `as_of`
-- when set (`council-extract query/export --as-of 2025-03-31`), else today.
--
-- Runs over views named after the tables (documents, recommendations, actions,
-- owners, timescales), which `council-extract query` and `export` create over
-- read_parquet('DIR/<table>/**/*.parquet'). The column list below feeds
-- docs/data-dictionary.md (schemas/dictionary.py reads lines "-- @col name: meaning").
--
-- @col doc_id: document the recommendation was found in
-- @col council: council that published the paper (documents.council)
-- @col committee: meeting body the paper goes to (documents.committee)
-- @col meeting_date: date of the meeting the paper is for (documents.meeting_date)
-- @col file_name: file name of the paper
-- @col rec_id: recommendation id (recommendations.rec_id); null for an action no recommendation holds
-- @col rec_kind: decision | improvement
-- @col rec_ref: recommendation reference as printed
-- @col recommendation: recommendation text
-- @col rec_rag: RAG rating of the recommendation
-- @col rec_status: progress / status text reported against the recommendation
-- @col action_id: action id (actions.action_id); null when the recommendation has no actions
-- @col action_ref: action number as printed
-- @col action: what is done or will be done
-- @col action_status: progress / status text for the action
-- @col action_rag: RAG rating of the action
-- @col owners: owners of the action, else of the recommendation: 'role – person' joined by '; '
-- @col owner_level: action | recommendation: which one the owners came from (null when none)
-- @col due_date: earliest due date of the action, else of the recommendation
-- @col due_raw: timescales as printed, joined by '; '
-- @col recurrence: recurrence of the timescale(s) (monthly, ongoing, ...), joined by '; '
-- @col rag: latest RAG: the action's rating when rated, else the recommendation's, else the latest rating a later paper gives the same recommendation (links table)
-- @col is_complete: true when the RAG is complete/blue or the status text says completed/achieved/closed
-- @col overdue: due_date is before the as-of date (variable as_of, else today) and the row is not complete
-- @col page: source page (the action's, else the recommendation's; null for TXT/DOCX)
-- @col locator: where in the document (the action's, else the recommendation's)
-- @col source_text: text the action (else the recommendation) was extracted from
create or replace view action_plan as
with own as (select * from parent_owners),
tim as (select * from parent_timescales),
later_rag as (
    -- the rating the latest later paper gives a recommendation it carries on
    select l.from_id as rec_id, arg_max(r2.rag, coalesce(d2.meeting_date, date '1900-01-01')) as rag
    from links l
    join recommendations r2 on l.to_table = 'recommendations' and r2.rec_id = l.to_id
    left join documents d2 on d2.doc_id = r2.doc_id
    where r2.rag is not null
    group by all
),
items as (
    select r.rec_id, a.action_id from recommendations r left join actions a on a.rec_id = r.rec_id
    union all
    select null as rec_id, a.action_id from actions a where a.rec_id is null
),
plan as (
    select
        coalesce(r.doc_id, a.doc_id) as doc_id, d.council, d.committee, d.meeting_date, d.file_name,
        r.rec_id, r.kind as rec_kind, r.ref as rec_ref, r.text as recommendation,
        r.rag as rec_rag, r.status_text as rec_status,
        a.action_id, a.ref as action_ref, a.text as action, a.status_text as action_status,
        a.rag as action_rag,
        coalesce(ao.owners, ro.owners) as owners,
        case when ao.owners is not null then 'action'
             when ro.owners is not null then 'recommendation' end as owner_level,
        coalesce(ta.due_date, tr.due_date) as due_date,
        coalesce(ta.due_raw, tr.due_raw) as due_raw,
        coalesce(ta.recurrence, tr.recurrence) as recurrence,
        coalesce(a.rag, r.rag, lr.rag) as rag,
        coalesce(a.status_text, r.status_text) as _status,
        coalesce(a.page, r.page) as page,
        coalesce(a.locator, r.locator) as locator,
        coalesce(a.source_text, r.source_text) as source_text,
        coalesce(r.locator, a.locator) as _rec_locator
    from items i
    left join recommendations r on r.rec_id = i.rec_id
    left join actions a on a.action_id = i.action_id
    left join documents d on d.doc_id = coalesce(r.doc_id, a.doc_id)
    left join later_rag lr on lr.rec_id = r.rec_id
    left join own ao on ao.parent_type = 'action' and ao.parent_id = a.action_id
    left join own ro on ro.parent_type = 'recommendation' and ro.parent_id = r.rec_id
    left join tim ta on ta.parent_type = 'action' and ta.parent_id = a.action_id
    left join tim tr on tr.parent_type = 'recommendation' and tr.parent_id = r.rec_id
)
select
    doc_id, council, committee, meeting_date, file_name,
    rec_id, rec_kind, rec_ref, recommendation, rec_rag, rec_status,
    action_id, action_ref, action, action_status, action_rag,
    owners, owner_level, due_date, due_raw, recurrence, rag,
    coalesce(rag in ('complete', 'blue')
             or regexp_matches(lower(coalesce(_status, '')),
                               '\b(completed?|achieved|closed|fully implemented)\b'), false) as is_complete,
    coalesce(due_date < coalesce(getvariable('as_of'), current_date), false)
        and not coalesce(rag in ('complete', 'blue')
                         or regexp_matches(lower(coalesce(_status, '')),
                                           '\b(completed?|achieved|closed|fully implemented)\b'), false) as overdue,
    page, locator, source_text
from plan
order by doc_id, _rec_locator, rec_id nulls last, locator nulls first, action_id;
