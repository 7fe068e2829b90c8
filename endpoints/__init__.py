"""What every JSON endpoint of the site shares, whichever app serves it (the content API, search, sync): errors of
one shape, parameter checks, caching and time conventions, absolute URLs and page summaries. It imports nothing of
the apps that serve them, so that each of them can build on it and on each other without a circle."""
