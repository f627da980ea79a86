<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>BonusDialog</name>
    <message>
        <source>e.g. profile completed, referral</source>
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
        <source>Posting not saved</source>
        <extracomment>postings were stored from a paste (their ids, in the order pasted) the dialogs opened last (tests and screenshots look at them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import postings</source>
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
        <source>Export failed</source>
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
        <source>No {credits} waiting to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ledger already matches the platform</source>
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
        <source>{name} is damaged: the check of its pages, run after it was opened, found a problem. Some of what it holds may be unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <source>No saved proposal replies yet: add one on the Saved replies page.</source>
        <extracomment>each fill-in&apos;s spans in the text, moved along as the text is edited the end of the spot the last edit was in (typing on there goes on inside it) the reply the text was rendered from (the combo goes back to it on &quot;keep edits&quot;) the version of that draft as this dialog saved it (a save over a newer one asks) the last &quot;changed by NAME at TIME&quot; box (tests answer it) the last write this dialog started, and the submit dialog it opened last</extracomment>
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
        <source>All checks pass.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dictionary</source>
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
        <source>Draft changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as submitted</source>
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
        <source>Columns</source>
        <extracomment>the date-order choices: (shown, value for import_into) the import finished (committed or not) with this report an import was undone from this dialog the columns the user remapped: column → field (None: skip)</extracomment>
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
        <source>Row number (not imported)</source>
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
        <source>Deleted {postings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{done}: {postings}</source>
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
        <source>Export everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP archives (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import everything</source>
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
        <source>Could not open {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clipboard notice (while a window of the app is active)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About {app}</source>
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
how long the undo bar stays (Edit → Undo keeps the undo after it hides) the posting shown in the detail tabs changed (its id, or None): for more tabs the user asked to paste a posting / import a file (the window&apos;s capture does it)</extracomment>
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
        <source>Import profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOML files (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export profile</source>
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
        <source>Rescore failed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProposalsPage</name>
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
        <source>No next status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refund boost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move proposal</source>
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
        <source>Delete saved reply</source>
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
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first; Return or a double-click restores one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made (UTC)</source>
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
        <source>Restore</source>
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
        <extracomment>the description as stored (the view shows it with long lines broken at spaces)</extracomment>
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
        <source>Not scored yet: set up a profile to score postings.</source>
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
        <source>I was invited (no Connects are spent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The posting does not say hourly or fixed: a rate or amount.</source>
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
