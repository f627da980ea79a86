"""Scam and terms-of-service postings written for the tests (our own words, no public
data set): each in Upwork's job-page layout and in a layout the parser does not know."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    name: str
    #: the rule that must flag it
    rule: str
    title: str
    body: tuple[str, ...]
    #: the budget lines of the job page
    budget: tuple[str, ...] = ("$15.00", "-", "$30.00", "Hourly")


SCAMS = [
    Case(
        "check-and-vendor",
        "check-or-vendor",
        "Remote office assistant (equipment provided)",
        (
            "We are a growing logistics company hiring a remote assistant for 20 hours a week.",
            "We will mail you a check for your home office setup.",
            "Deposit the check and buy the printer and laptop from our vendor, they ship it fast.",
        ),
    ),
    Case(
        "paid-certification",
        "pay-to-work",
        "Product description writers for our catalogue",
        (
            "Write short product descriptions for a home goods catalogue, steady work.",
            "Before starting, every writer must complete our certification course, which costs $60.",
            "You get the course fee back after your tenth article.",
        ),
    ),
    Case(
        "account-and-2fa",
        "account-sharing",
        "Full stack developer to bid on projects",
        (
            "I have an agency profile with good reviews but no time to bid.",
            "I will give you my Upwork account login and send you the 2FA code each morning.",
            "You apply to jobs in my name and we split what we earn 50/50.",
        ),
    ),
    Case(
        "tiny-budget-platform",
        "tiny-budget-large-scope",
        "Build our delivery platform",
        (
            "We need a delivery platform: a customer app, a courier app and a web admin.",
            "Three apps in total, with payments, live maps and chat.",
            "Start today.",
        ),
        ("$5.00", "Fixed-price"),
    ),
    Case(
        "telegram",
        "off-platform-contact",
        "Data analyst for a short dashboard job",
        (
            "Quick dashboard in Looker from two spreadsheets.",
            "Message me on Telegram @quick_dash_jobs for details, I rarely check here.",
        ),
    ),
    Case(
        "phone",
        "phone-in-post",
        "Virtual assistant for calendar work",
        (
            "Manage my calendar and inbox for a few hours a week.",
            "Call me at (415) 555-0187 before you send a proposal.",
        ),
    ),
    Case(
        "crypto-wallet",
        "crypto-wallet",
        "Moderators for our community",
        (
            "Moderate our community chat in the evenings.",
            "Pay is weekly in USDT: send your wallet address with the application.",
        ),
    ),
    Case(
        "unpaid-test",
        "unpaid-test",
        "Logo designer for a bakery",
        (
            "We are choosing a designer for our bakery logo.",
            "Every applicant does an unpaid test design first; we hire the best one.",
        ),
    ),
    Case(
        "anydesk",
        "remote-access-software",
        "Data entry into our CRM",
        (
            "Copy leads from PDFs into our CRM.",
            "First install AnyDesk and send me the code so I can set up your work tools.",
        ),
    ),
    Case(
        "paypal-outside",
        "off-platform-payment",
        "WordPress fixes for a small shop",
        (
            "Fix the checkout page and two plugin conflicts on our shop.",
            "Once we agree I will pay you through PayPal so we both save on fees.",
        ),
    ),
    # written later, in other words than the rules' own examples
    Case(
        "fee-on-you",
        "pay-to-work",
        "Certified translators for a medical glossary",
        (
            "We provide the training material and the glossary.",
            "The certification exam fee of 75 dollars is on you.",
        ),
    ),
    Case(
        "keep-your-share",
        "check-or-vendor",
        "Remote bookkeeping assistant",
        (
            "Our client will mail the payment as a check.",
            "Keep your share and send the rest via Cash App to our supplier.",
        ),
    ),
    Case(
        "lend-your-profile",
        "account-sharing",
        "Outreach partner needed",
        (
            "Looking for a US-based person to rent us their LinkedIn profile for outreach.",
            "We pay $150/month.",
        ),
    ),
    Case(
        "deposit-to-be-paid",
        "pay-to-work",
        "Task reviewer, paid daily",
        (
            "Review simple tasks in our app every day.",
            "To receive your first payment, first deposit 50 USDT as a verification.",
        ),
    ),
]

TERMS = [
    Case(
        "fake-reviews",
        "fake-reviews",
        "Grow our Amazon listing",
        (
            "Our new kitchen gadget needs social proof.",
            "We need 30 five-star reviews on Amazon from different accounts.",
        ),
    ),
    Case(
        "homework",
        "academic-dishonesty",
        "Statistics help this semester",
        (
            "I am a college student and busy with work.",
            "Need someone to take my online statistics class and do the weekly quizzes.",
        ),
    ),
    Case(
        "volume",
        "market-manipulation",
        "Solana developer for a trading bot",
        (
            "We launched a token last week.",
            "Build a volume bot that trades between our wallets so the chart looks busy.",
        ),
    ),
    Case(
        "account-pool",
        "ban-evasion",
        "Scraper for a classifieds site",
        (
            "Scrape every listing of a classifieds site each hour.",
            "Use a pool of 50 accounts and rotating residential proxies to avoid getting banned.",
        ),
    ),
    Case(
        "mass-dm",
        "spam-mass-messaging",
        "Instagram growth automation",
        ("Set up a bot for mass DMs to 2,000 accounts a day with our offer.",),
    ),
    Case(
        "screen-share",
        "job-over-screen-share",
        "Senior Java developer, long term",
        (
            "I have a full-time developer job at a bank.",
            "You do my tasks while I share my screen on Zoom, 8 hours a day.",
        ),
    ),
    Case(
        "reinstatement",
        "account-reinstatement",
        "Amazon seller account help",
        (
            "My seller account was suspended in March.",
            "Need a fresh Amazon account because my old one got banned, using a relative's ID.",
        ),
    ),
    Case(
        "interview-answers",
        "job-over-screen-share",
        "Interview support for a senior Java role",
        (
            "I have three interviews next week.",
            "Be on the Zoom call with me and type answers to my interviewer's questions in real time.",
        ),
    ),
    Case(
        "cousins-identity",
        "account-reinstatement",
        "Etsy shop setup",
        (
            "My Etsy shop was suspended last month.",
            "Help me make a new shop with my cousin's identity.",
        ),
    ),
]


def job_page(case: Case) -> str:
    """The case as copied from Upwork's job page."""
    return "\n".join(
        [
            case.title,
            "Posted 3 hours ago",
            "Worldwide",
            *case.body,
            *case.budget,
            "Intermediate",
            "Skills and Expertise",
            "Communication",
            "Activity on this job",
            "Proposals: 5 to 10",
            "About the client",
            "Payment method verified",
            "3 jobs posted",
            "Member since",
            " Jan 4, 2025",
        ]
    )


def unknown_layout(case: Case) -> str:
    """The case as a lead forwarded in a layout the parser does not know: the facts first,
    the client's words last, each line quoted."""
    return "\n".join(
        [
            case.title,
            *case.budget,
            "Intermediate",
            "Lead forwarded from my inbox",
            "Client message:",
            *(f"> {line}" for line in case.body),
            "-- end of message --",
        ]
    )
