<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>Ask</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BonusDialog</name>
    <message>
        <source>e.g. profile completed, referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{credits}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus {credits}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuyDialog</name>
    <message>
        <source>{count} {credits}  ({price})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid (USD):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Capture</name>
    <message>
        <source>Postings (*.csv *.json *.jsonl *.ndjson);;All files (*)</source>
        <extracomment>the file dialog&apos;s filter (translated where it is shown)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to add</source>
        <extracomment>postings were stored from a paste (their ids, in the order pasted) the dialogs opened last (tests and screenshots look at them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postings saved: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last import</source>
        <extracomment>what a dropped file may be to be imported</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no import to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the import of {file} ({when}: {added} added, {updated} updated)? Postings you changed since are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import not undone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureActions</name>
    <message>
        <source>&amp;Paste posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the job posting you copied in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import postings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import postings from a CSV, JSON or JSONL file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Save PNG…</source>
        <extracomment>(id, name) of every member; the Member list shows only when there are two or more</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the numbers behind this chart as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save {chart} as {format}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{format} (*.{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Connects spent</source>
        <extracomment>chart titles, shared by the page and ``pwb chart`` (in English: :func:`chart_title` translates them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win rate by score band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win rate by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosted vs not boosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View rate by time since posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <extracomment>the funnel&apos;s stages (app.insights.STAGES) as shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; 1 h</source>
        <extracomment>the speed chart&apos;s delay buckets (app.insights.DELAY_BUCKETS) as shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <extracomment>a group with fewer proposals than this is drawn pale a count as the user&apos;s locale writes it (``1,250`` / ``1.250``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects (net of refunds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day}: {connects} Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invitations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score band (n = proposals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Win rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosted (n={n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not boosted (n={n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of proposals (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time from posting to proposal (n = proposals)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{period}: {base} base + {boost} boost = {total} Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stage}: {count} ({cold} cold, {invited} invited); {rate} of submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{stage}: {count} ({cold} cold, {invited} invited); {rate} of submitted, {step_rate} of the step before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group}: {hired} hired of {proposals} ({rate}); {cph} Connects per hire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent {delay} after posting: {viewed} of {proposals} viewed ({rate}), {hired} hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosted: {count} of {proposals} viewed ({rate})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not boosted: {count} of {proposals} viewed ({rate})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosted: {count} of {proposals} hired ({rate})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not boosted: {count} of {proposals} hired ({rate})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClipboardWatch</name>
    <message>
        <source>Watch &amp;clipboard</source>
        <extracomment>a notice was shown (its postings) and how long it took from the clipboard change (ms) postings were stored from the notice (their ids) Save + Draft: draft a proposal for this posting store every posting copied without asking (capture.save_copied) what the notice shows (None: nothing copied yet) the last write the notice started (tests wait for it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score each job posting you copy and show its verdict in a small notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n copied posting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved %n copied postings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionOp</name>
    <message>
        <source>Not saved</source>
        <extracomment>ops started and not yet reported back (they keep their Python objects alive) the op reported back (after the change signals and the handlers)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Conflict</name>
    <message>
        <source>Reload shows {who}&apos;s version (your edits are dropped); Overwrite saves yours over it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to team server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A team shares one PostgreSQL database. The password is kept in your system keyring, never in a file; leave it empty to use ~/.pgpass.</source>
        <extracomment>what was saved on Connect</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the password in the system keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing {where}…</source>
        <extracomment>the running test (None when none is): its result arrives on the GUI thread</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection ok</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectsPage</name>
    <message>
        <source>Your Connects ledger is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start by typing the balance the platform shows (Available Connects). From then on the monthly allocation arrives on your billing day, and every purchase, spend and refund lands here as an entry: the balance is always their sum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a bundle you bought, with what you paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record free Connects the platform gave you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match the balance the platform shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind of entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} of {total} entries match the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{balance} {credits}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} {credits} expire on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {credits} waiting to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {credits} left to spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {credits} spent in the last {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At {pace} a day (last {days} days) the balance lasts beyond a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At {pace} a day (last {days} days) the balance runs out on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal #{id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger already matches the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted {kind} {amount}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseBox</name>
    <message>
        <source>Restore newest good backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is damaged: the check of its pages, run after it was opened, found a problem. Some of what it holds may be unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{database} is damaged, so it was not opened; nothing in it was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{head}

No backup beside it passed its check. Choose a backup you kept elsewhere, or quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{made}, {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{head}

The newest good backup is {backup} ({when}). Restore it? The damaged file is kept in the backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>Draft proposal — {title}</source>
        <extracomment>each fill-in&apos;s spans in the text, moved along as the text is edited the end of the spot the last edit was in (typing on there goes on inside it) the reply the text was rendered from (the combo goes back to it on &quot;keep edits&quot;) the version of that draft as this dialog saved it (a save over a newer one asks) the last &quot;changed by NAME at TIME&quot; box (tests answer it) the last write this dialog started, and the submit dialog it opened last</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No saved proposal replies yet: add one on the Saved replies page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{reply} (suggested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill-ins in square brackets are listed beside it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each problem found in the text; activate one to go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks (click one to go to it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add word to my dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in the Proposals pipeline as a draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as submitted…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your edits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rendering another reply replaces the text you edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply {reply} has a problem: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill-in: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All checks pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{fill_ins}; {checks}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fill-in(s) still empty</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n check(s) to look at.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {word} to your dictionary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied to the clipboard (%n fill-in(s) still empty).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (*.txt);;Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as draft proposal {id}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{unfinished}.

Recorded now, they are part of the text you sent. Fill them in first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back and fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already applied to this posting: {earlier}. Record another proposal for it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal {id} recorded as submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as submitted (proposal {id}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have {earlier} for this posting. Draft another one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft another</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FactorsModel</name>
    <message>
        <source>Points</source>
        <extracomment>flags whose evidence is found in the text as pasted (&quot;title&quot;: the title is in it too) the character-format property that marks a highlighted passage (its rule id)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invites sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client city</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire rate %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg hourly rate paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client company size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (low)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget (high)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate text (Hourly: $15 - $30)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate text (1 to 3 months, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client active hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client jobs posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client open jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client hire rate %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client avg hourly rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client member since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client company size / type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Proposal Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postings are scored against your profile, and proposals are signed with your name. These answers are enough to start; everything can be changed later on the Profile page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how you sign proposals, e.g. Ana Pereira</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shopify developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. Shopify, Liquid, CSS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Available Connects your Upwork account shows now: the ledger starts there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As Upwork shows it now (Find Work, Connects). 0 if you have none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What do you do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your skills:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest hourly rate you take:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects you have:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects balance set to {balance}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagsModel</name>
    <message>
        <source>Highlighted in the description: select the flag to go to it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted in the pasted text: select the flag to go to it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FolderWatch</name>
    <message>
        <source>Watch folder: {summary}</source>
        <extracomment>how often a folder with a file still changing is looked at again how often the folder is looked at anyway (a change the watcher missed: network folders) a file was handled (what it did), after the database committed every file handled so far, in order (tests and the notice read it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>As the file&apos;s dates show</source>
        <extracomment>the date-order choices: (shown, value for import_into); translated where shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first: 06/07/2024 is 6 July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first: 06/07/2024 is June 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(do not import)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the file&apos;s dates show</source>
        <extracomment>why dates are read in the order they are (app.importing.run.DateOrder.source)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order in Preferences; the file&apos;s dates fit either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your locale&apos;s order; the file&apos;s dates fit either</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{order} ({why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {file}</source>
        <extracomment>the import finished (committed or not) with this report an import was undone from this dialog the columns the user remapped: column → field (None: skip)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each column in the file and what it becomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates like 06/07/2024:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows, as they will be stored:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first rows, as they will be stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with problems will be listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the postings this import added and put back the values it changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file cannot be imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{file}: {format}, %n columns. Check how the columns are read, then Import.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{file}: {format}; fields are read by name. Check the first rows, then Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row {row}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(column {number}, no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row number (not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed ({error}); nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>{added} added, {updated} updated, {skipped} skipped, %n rows with problems.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n empty rows (no title, description or URL) left out.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n rows have problems.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Dates were read {order}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported (no field): {columns}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo takes the whole import back (later too: Edit ▸ Undo last import).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {file}: {report}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not undone: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import of {file} undone: {removed} postings removed, {restored} restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept #{id} {title} ({reason}{columns})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Nothing to chart yet</source>
        <extracomment>a refresh finished and the charts show its numbers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts of Connects spent, your proposal funnel and your win rate by score appear here once you have submitted a few proposals and recorded what happened to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All profiles</source>
        <extracomment>figures already computed, kept until anything is committed to the database</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing insights…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{revenue} ({amount} per USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{base} + {boost} boost Connects spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} of Connects bought</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{proposals} proposals, {hired} hired</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsModel</name>
    <message>
        <source>Verdict</source>
        <extracomment>the status of the posting&apos;s latest proposal (&quot;draft&quot;, &quot;submitted&quot;, …) or None the English title (marked for translation in the &quot;JobsModel&quot; context): see ``label``</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your proposal: {status}</source>
        <extracomment>the rows were reloaded (new query, sort, or data changed) whether the first page was ever read (there is no &quot;more&quot; before it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rating}★</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spent {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rated {rating} of 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>payment NOT verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing known about the client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobsPage</name>
    <message>
        <source>Open (new, shortlisted)</source>
        <extracomment>how long the list must stay unchanged before a long list is counted in the background status filter choices: (label, statuses)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortlisted</source>
        <extracomment>what the undo bar says after each action</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any verdict</source>
        <extracomment>the date filter entry that shows the From / To fields verdict filter choices: (label, verdict)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted any time</source>
        <extracomment>date filter choices: (label, how far back)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortlist</source>
        <extracomment>row actions: (button text, status or &quot;delete&quot;, shortcut)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>how long the undo bar stays (Edit → Undo keeps the undo after it hides) the detail pane&apos;s labels (app.display.posting_details) for translation, shown with tr()</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invites sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered invites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last viewed by client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hire rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open jobs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg hourly rate paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortlist the selected postings, then go to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip the selected postings, then go to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the selected postings, then go to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected postings, then go to the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a proposal for the selected posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected posting&apos;s details (Esc goes back to the list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No job postings yet</source>
        <extracomment>what Edit → Undo would do: (description, the write that undoes it) the next jobs_changed is this page&apos;s own triage (it keeps the undo) after a triage action: the posting to select once the list reloads, and the row the draft dialog opened last (for tests and screenshots)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy a job posting in your browser and paste it here (Ctrl+Shift+V), or import a CSV or JSON export from your job-alert tool. Each posting is scored against your profile, with its reasons and red flags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title, description and skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches title, description and skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdicts of the active profile&apos;s score cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted between…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date posted filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space opens the details, Return drafts a proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No postings match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} the selected postings ({key})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft proposal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a proposal for the selected posting (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a posting to see all its fields and the text you pasted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting details</source>
        <extracomment>tabs for the selected posting: its score card first</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted text of the posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This posting was imported: there is no pasted text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count}+ postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({count} more characters: the Score tab shows the whole text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {postings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done}: {postings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{change}. Ctrl+Z to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerDialog</name>
    <message>
        <source>When:</source>
        <extracomment>the window&apos;s title, in English (marked with QT_TRANSLATE_NOOP; :meth:`title` translates)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Buy Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add bonus Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconcile with the platform</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerKind</name>
    <message>
        <source>Allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correction</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LedgerTableModel</name>
    <message>
        <source>Date</source>
        <extracomment>column title, display text, sort key, alignment</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to open the proposal</source>
        <extracomment>the entry id of a row (``Qt.UserRole``); the proposal id is ``UserRole + 1``</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>{database} is already open in another {app} window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Database: {location}</source>
        <extracomment>how often an open app posts what time passing owes the ledger what :class:`app.storage.changes.ChangeWatcher` reports, as the context&apos;s change signals the last File → Export everything… running or done the database&apos;s signals and the database (from :meth:`attach`) paste and import (from :meth:`attach`) the clipboard watch, the watch folder and the tray (from :meth:`attach`) the pages built so far (each on first show) the thread that sees other members&apos; changes (:meth:`start_watching`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 to Ctrl+6 go to an area from anywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a copy of the database to the backups folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put a backup in the database&apos;s place (the database it replaces is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export everything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One ZIP file with every table (pwb export)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import e&amp;verything…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An export into this database, if it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to &amp;team server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a team&apos;s PostgreSQL database (the password stays in the system keyring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder with the database, its backups and the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo last &amp;import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove what the last import added and put back what it changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to {where}…</source>
        <extracomment>what needs the database: enabled once it is attached the colour the icons were last drawn in (tests read it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still on {before}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still running in the tray; quit from its menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted {count} allocation or expiry entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A server database is restored with the server&apos;s tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {backup}; the replaced database is kept as {kept}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {backup}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} records to {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {count} records from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects: {balance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard notice (while a window of the app is active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{page} page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} {version}

Score job postings, draft proposals from saved replies, and keep an exact account of your Connects. Everything stays on this computer.

Qt {qt} · PySide6 {pyside} · Python {python}
Database: {database}
Data folder: {folder}
Log file: {log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Too few proposals to say yet ({first}, {second}): {what} needs at least {minimum} on each side; the chart shows the numbers so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You spent {total} Connects ({share} on boosts); the busiest {unit} was {period} with {top}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance went from {opening} to {last}; lowest {low}{when}{below}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{viewed} of your proposals were viewed and {hired} hired; the biggest drop is {before} → {after} ({passed} pass).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best band: {band} with {hired} hires of {proposals} ({rate}); more outcomes will show whether the score predicts wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best category: {category}, {rate} win rate at {cost} Connects per hire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boosted proposals were viewed {views} as often ({boosted_views} vs {other_views}) and hired {boosted_hires} vs {other_hires}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals sent within 6 h of posting were viewed {how} later ones ({early} vs {late}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough data in this range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (below zero: reconcile with the platform)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few proposals to say yet ({submitted} submitted): where they drop off needs at least {minimum}; the chart shows the counts so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these proposals has a score yet: score postings before you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your win rate at score 60+ is {ratio}× lower than under 60 ({high} vs {low}): the score is not predicting your wins.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hires yet in any score band: the chart shows how many proposals each had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too few proposals to say yet: no category has {minimum} (most: {category}, {count}); the chart shows the numbers so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No hires yet; most proposals went to {category} ({count}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All proposals in this range were {which}: nothing to compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ratio}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate} vs 0%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All dated proposals went out in the same window: nothing to compare yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ratio}× as often as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether the score predicts wins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} at score 60+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} under 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your win rate at score 60+ is {ratio}× the rate under 60 ({high} vs {low}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boosted against not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} boosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} not boosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>early against late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} within 6 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{ratio}× less often than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about as often as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the balance is {balance} {credits}: recorded as an overdraft; reconcile with the platform&apos;s balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The balance is {balance} {credits}: recorded as an overdraft; reconcile with the platform&apos;s balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{balance} {credits} cannot cover a typical proposal ({typical} {credits}); buy a bundle or wait for the monthly allocation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interviewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unboosted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Connects were spent in this range. Spends and boosts appear here once you submit proposals (each submission posts a spend to the Connects ledger).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ledger entries in this range. Record your monthly allocation or a purchase on the Connects page to start the balance line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proposals were submitted in this range. Mark proposals as submitted, then record when they are viewed, replied to, or hired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted proposals in this range. Win rate by score needs proposals on scored postings and their outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted proposals in this range. Win rate by category needs proposals on postings with a category and their outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted proposals in this range. Boosted versus not needs proposals with and without boost Connects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No submitted proposals in this range. View rate by time since posting needs proposals on postings whose posting time is known.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Apply</source>
        <extracomment>the keys of the notice&apos;s buttons: they work while any window of the app is active (the notice itself never takes the keyboard from the browser) the verdicts&apos; names, translated where they are shown (context &quot;Notice&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app}: copied posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <extracomment>what the notice shows: &quot;posting&quot;, &quot;import&quot; or &quot;&quot; (nothing yet) the postings Open shows (the first one is selected) the window that was active when the notice showed (see the module&apos;s note)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save + Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action} ({key})</source>
        <extracomment>app-wide keys for the buttons (the notice has no focus to take keys itself)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(+%n more in the copied text)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not scored: create a profile to see a verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{verdict} · score {total} / 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n Connects</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{value} per Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Watch folder: %n new posting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Watch folder: %n new postings</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n updated</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to apply to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{app}: watch folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You applied: {proposals}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New posting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Jobs</source>
        <extracomment>the areas in navigation order (Ctrl+1 … Ctrl+6): title, icon, module, class; the classes themselves are ``PAGE_CLASSES`` (imported on first use)
----------
the posting shown in the detail tabs changed (its id, or None): for more tabs the user asked to paste a posting / import a file (the window&apos;s capture does it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <extracomment>keys on the table that move the selected proposal to its next status</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects</source>
        <extracomment>the period filter: label and how many days back (None: all time, -1: custom range) the user asked to see a proposal (double-click on an entry&apos;s proposal)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System follows your computer&apos;s light or dark mode as it changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings on the other tabs are stored in this database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your postings by score (active profile):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting the stored scores…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scored postings yet: capture or import some to see how they spread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply at {apply_at}: {apply} of {total} postings ({share} %); Maybe at {maybe_at}: {maybe}; Skip: {skip}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{setting}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>About you</source>
        <extracomment>the user changed something in the form</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red-flag rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A label for this profile (you can keep several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>how you sign proposals, e.g. Ana Pereira</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Shopify developer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. Web Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words that make a job more interesting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words that rule a job out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum hourly rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum fixed budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Experience levels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred categories:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exclude keywords:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price of a Connect:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each skill, its level and its aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a skill, e.g. React</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated skills or kinds of work, e.g. WordPress, logo design</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job whose title or skills name these loses relevance, even when one of your skills is listed too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not doing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only clients with a verified payment method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated country names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum rating:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum total spent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum hire rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excluded countries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On, severity, weight and points of each</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Tell the workbench who you are</source>
        <extracomment>the last write this page started the version of the profile in the form, as loaded (a save over a newer one is refused) the last &quot;changed by NAME at TIME&quot; box (tests answer it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile holds your skills, your minimum rates and the clients you want. Postings are scored against it, so set it up first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The active profile: postings are scored for it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and rescore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {name} saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOML files (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write {path}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the profile {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescoring postings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescoring %v of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescore stopped after {count} postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescored {count} postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescore failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalStatus</name>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsModel</name>
    <message>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{connects} + {boost}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsPage</name>
    <message>
        <source>Move the selected proposal to its next status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No proposals yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a proposal from a job posting on the Jobs page. Once you mark it as submitted it shows up here, and you can move it along the pipeline (viewed, replied, interviewing, hired) with one key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <extracomment>the last write this page started</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to the next status (Ctrl+Right or N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to another status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No text was recorded for this proposal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next status</source>
        <extracomment>the ways a job can close, read with each proposal (they follow the settings)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bid recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invited: no Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{spent}, boost {boost}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bid} · {spent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{outcome} · revenue {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move to {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No next status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice} (refund)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{choice} (refund, not the boost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbid before the client looked (refund boost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome reason (optional), e.g. “went with a cheaper bid”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue from this job in USD (optional; you can add it later with pwb status):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{text} is not an amount in USD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost of proposal {id} refunded: {amount} Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposal {id} moved to {status}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCapture</name>
    <message>
        <source>The notice&apos;s keys work only in the app here ({why})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching the clipboard for job postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard watch off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReconcileDialog</name>
    <message>
        <source>Available {credits} on the platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Available {credits} on the platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger shows {balance}: it already matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger shows {balance}; a correction of {difference} {credits} will be posted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepliesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>No saved replies yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved replies are Jinja2 templates for whole proposals and for snippets (intro, approach, portfolio, closing). They fill themselves from the posting, the client and your profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved replies</source>
        <extracomment>the version of the reply in the editor, as loaded (a save over a newer one is refused) the last &quot;changed by NAME at TIME&quot; box (tests answer it) the last write this page started</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. intro/short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. Web Development</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated, e.g. Python, API Integration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jinja template: variables in double braces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview appears here as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview for posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click one to insert it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to insert. Include a snippet with {% include &quot;intro/short&quot; %}. What the app cannot fill becomes a fill-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved reply {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved reply changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New saved reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name (e.g. intro/short):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete saved reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {name}? Replies that include it will show an unknown-snippet error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a backup of {database} to put in its place. The database it replaces is kept in the backups folder, so this can be undone by restoring that copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first; Return or a double-click restores one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no backups in {folder} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put {backup} in the place of the current database?

The current database is kept in the backups folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review pasted posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} of {total}: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text does not look like a job posting (no description, budget, skills or client details found); copy the whole job page or search tile. Save it anyway if it is a posting the parser could not read.</source>
        <extracomment>shown when the text fails the test ``pwb add`` refuses by: saving is still allowed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of these {total} do not look like job postings (no description, budget, skills or client details found); copy the whole job page or search tile. Save them anyway if they are postings the parser could not read.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read {found} of {total} fields. {missing} not found in the text are highlighted: fill in what you know, leave the rest empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every field was read from the text. Check them, then save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>posting {number}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>On</source>
        <extracomment>the user switched or re-weighted a rule</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreCardView</name>
    <message>
        <source>Score factors</source>
        <extracomment>the user picked a flag (its rule id); the description scrolls to its evidence</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each factor&apos;s points and its reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flags</source>
        <extracomment>the description and the pasted text as stored (the views show them with long lines broken at spaces, same offsets)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity, what it is, and the evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flags&apos; evidence is highlighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted text of the posting</source>
        <extracomment>the text as the user pasted it, where flags found in unplaced lines point</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing the first {shown} of {total} characters: the rest has no spaces to break its lines at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored yet: set up a profile to score postings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n critical flag</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n critical flags</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Matched skills: {skills}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing skills: {skills}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flags ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Red flags: none found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passages highlighted as red-flag evidence: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed in or imported: there is no pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} per Connect</source>
        <extracomment>what a text view shows of a text whose lines cannot be broken (no spaces): Qt lays out a line as a whole, and a line of half a million characters takes it seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>win chance {chance}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreHistogram</name>
    <message>
        <source>Score distribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply {score}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scored postings yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} postings scored {low}–{high}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingEditor</name>
    <message>
        <source>On</source>
        <extracomment>settings whose change rescores the postings (verdicts follow the thresholds) settings that name a folder (a Choose… button beside the text) a table setting&apos;s editor per entry</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>numbers, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>words, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>Connects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price of one Connect (USD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the platform charges per Connect: purchases and the USD side of Insights use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects bundles you can buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle sizes the Buy dialog offers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra bundles for agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More bundle sizes, offered when the active profile&apos;s plan is Agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free Connects each month, by plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posted to the ledger on the billing day for the active profile&apos;s plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freelancer plus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day of the month the free Connects arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your billing date; in shorter months the last day is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days until credited Connects expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each credit is a lot that expires this long after it arrived (a year on Upwork).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the platform calls bid credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the ledger and the status bar (Freelancer.com says bids).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What comes back when a job closes, by reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spend_and_boost refunds both, spend only the Connects spent, none nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend and boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed for terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hired someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund the boost when outbid before the client interacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upwork returns a boost you were outbid on before the client viewed your proposal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days of history the spending pace is taken from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The forecast of when you run out spends at the pace of these last days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects a proposal costs when there is no history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used for a posting that names no Connects before you have sent any proposals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cover letter length limit (characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The length check warns above it (Upwork allows 5,000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words the spelling check accepts (your own)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names, tools and words of your trade the spelling check should not flag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score at or above which the verdict is Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postings scoring this much or more are marked Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score at or above which the verdict is Maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the Apply score; postings under it are marked Skip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How imports read dates like 06/07/2024 when the file does not settle it (auto: your locale&apos;s order, DMY: day first, MDY: month first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file whose dates settle the order (a 13 or more) is read that way whatever this says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DMY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MDY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest description an import keeps (characters); a longer one is cut, with a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An imported description over it is cut at this length, with a note in the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column mappings you chose in the import dialog, by file header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file header you remapped, with the columns you chose; {} forgets them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watch the clipboard for job postings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A posting you copy in the browser is scored at once and shown in a small notice; nothing else you copy is read into the database or the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every posting you copy (not only when you press Save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With the clipboard watch on, each posting copied is stored and scored without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notice&apos;s keys work in every program (Ctrl+Alt+S / D / X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save, Save + Draft and Dismiss the notice while the browser has the focus. The keys still reach the program you are in; macOS asks to allow input monitoring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window keeps the app in the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard watch and the watch folder go on; quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to import alert files from (empty: off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, JSON and JSONL files an alert tool saves here are imported once each, when they stop changing, and scored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backups to keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A copy of the database is made once a day when the app opens; older ones go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starter replies already added once (a deleted one is not brought back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a name to have that shipped starter reply added again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SkillsModel</name>
    <message>
        <source>Skill</source>
        <extracomment>the user changed a skill</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonyms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Restored {name}</source>
        <extracomment>the status bar, after a backup replaced the damaged database</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <source>Mark as submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no bid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> /hr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I was invited (no Connects are spent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed price:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The posting does not say hourly or fixed: a rate or amount.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{credits} spent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boost {credits}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Balance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{before} {credits} now, {after} after this proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Paste posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connects: {balance}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerdictDelegate</name>
    <message>
        <source>Apply</source>
        <extracomment>the badge&apos;s word for each verdict (translated where drawn, in the &quot;VerdictDelegate&quot; context)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PluralTexts</name>
    <message numerus="yes">
        <source>%n kept as you changed them since.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Something went wrong: {error}

Nothing was saved half-way. Details are in the log:
{log}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>localized</name>
    <message>
        <source>{value}%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{amount} fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{rate}/hr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low}–{high}/hr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hourly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low}+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Less than 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{minutes} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{hours} h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} d ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui.dialogs.import_dialog</name>
    <message>
        <source>Undo import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ui.pages.profile_form</name>
    <message>
        <source>no minimum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
