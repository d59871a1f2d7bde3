-- recommendation_history: each recommendation as first made, and everything
-- that followed it across papers, in date order: the recommendation printed
-- again in later papers (an action plan, progress reports), the responses
-- that answered it, the actions planned for it, with owners, due dates, RAG
-- and status. Built from the links table (pipeline/engine/links.py): a chain
-- of recommendation links is followed from its first paper (the root).
--
-- @col rec_id: the recommendation as first made (the root of its chain)
-- @col recommendation: its text as first made
-- @col meeting_date: meeting date of the paper the event is in
-- @col council: council of that paper
-- @col file_name: file name of that paper
-- @col event: recommendation | response | action
-- @col kind: made (the first paper) | action_plan | progress | same | response | action | promised (an action a response in another paper promised)
-- @col item_id: rec_id, response_id or action_id of the event's row
-- @col ref: the ref as that paper prints it
-- @col text: the event's text (recommendation, response or action)
-- @col rag: RAG rating in that paper
-- @col status: response status (accepted, rejected, ...) or the status text printed
-- @col responder: who answered (responses)
-- @col owners: owners of the event's row, 'role – person' joined by '; '
-- @col due_date: earliest due date of the event's row
-- @col page: source page of the event's row
create or replace view recommendation_history as
with recursive chain(root_id, rec_id, depth) as (
    select r.rec_id, r.rec_id, 0
    from recommendations r
    where not exists (select 1 from links l where l.to_table = 'recommendations' and l.to_id = r.rec_id)
    union all
    select c.root_id, l.to_id, c.depth + 1
    from chain c
    join links l on l.from_id = c.rec_id and l.to_table = 'recommendations'
    where c.depth < 50
),
own as (select * from parent_owners),
tim as (select * from parent_timescales),
events as (
    select c.root_id, 'recommendation' as event,
           case when c.depth = 0 then 'made' else coalesce(l.kind, 'same') end as kind,
           r.doc_id, r.rec_id as item_id, 'recommendation' as parent_type, r.ref, r.text, r.rag,
           r.status_text as status, null as responder, r.page, 0 as ord
    from chain c
    join recommendations r on r.rec_id = c.rec_id
    left join links l on l.to_table = 'recommendations' and l.to_id = c.rec_id
    union all
    select c.root_id, 'response', 'response', s.doc_id, s.response_id, 'response', s.rec_ref, s.text, null,
           s.status, s.responder, s.page, 1
    from chain c
    join links l on l.from_id = c.rec_id and l.to_table = 'responses'
    join responses s on s.response_id = l.to_id
    union all
    select c.root_id, 'response', 'response', s.doc_id, s.response_id, 'response', s.rec_ref, s.text, null,
           s.status, s.responder, s.page, 1
    from chain c
    join responses s on s.rec_id = c.rec_id
    union all
    select c.root_id, 'action', 'action', a.doc_id, a.action_id, 'action', a.ref, a.text, a.rag,
           a.status_text, null, a.page, 2
    from chain c
    join actions a on a.rec_id = c.rec_id
    union all
    -- what a response in another paper promised
    select c.root_id, 'action', 'promised', a.doc_id, a.action_id, 'action', a.ref, a.text, a.rag,
           a.status_text, null, a.page, 2
    from chain c
    join links l on l.from_id = c.rec_id and l.to_table = 'responses'
    join actions a on a.response_id = l.to_id
)
select e.root_id as rec_id, root.text as recommendation, d.meeting_date, d.council, d.file_name,
       e.event, e.kind, e.item_id, e.ref, e.text, e.rag, e.status, e.responder,
       o.owners, t.due_date, e.page
from events e
join recommendations root on root.rec_id = e.root_id
left join documents d on d.doc_id = e.doc_id
left join own o on o.parent_type = e.parent_type and o.parent_id = e.item_id
left join tim t on t.parent_type = e.parent_type and t.parent_id = e.item_id
order by e.root_id, d.meeting_date nulls first, e.doc_id, e.ord, e.item_id;
