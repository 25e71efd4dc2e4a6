"""gunicorn settings for every app server: the systemd unit and ``make stack`` both
pass this file, with ``--bind 127.0.0.1:PORT``. The number of workers comes from
``WEB_CONCURRENCY`` (gunicorn reads it itself; about two per core)."""

wsgi_app = "clinic.wsgi"
# Longer than any request should take, shorter than nginx's proxy_read_timeout (45 s),
# so a stuck request is ended here and never also retried by nginx.
timeout = 30
# On SIGTERM, requests already taken in are finished and answered before the server
# stops; nginx sends the rest to the other app server.
graceful_timeout = 25
# nginx keeps the access log (without admin query strings); this would repeat it with
# them.
accesslog = None
errorlog = "-"
loglevel = "warning"
# Restart each worker now and then, so slow growth in memory never adds up.
max_requests = 2000
max_requests_jitter = 200
