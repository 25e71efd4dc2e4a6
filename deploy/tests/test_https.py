"""TLS in front, HSTS, secure cookies, static files and logs: nginx's side of things."""

import re
import time

from deploy.stack.client import Browser


def test_plain_http_is_redirected_to_https(stack):
    browser = Browser(stack.http_url, str(stack.cert))
    response = browser.get("/procedures/?page=1")
    assert response.status == 301
    assert response.location == f"{stack.url}/procedures/?page=1"


def test_pages_over_https_carry_hsts(visitor):
    response = visitor().get("/")
    assert response.status == 200
    hsts = response.headers["Strict-Transport-Security"]
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts


def test_the_spanish_pages_are_in_spanish_after_the_release_step(visitor):
    # The catalogue is compiled (deploy/release does it on a server): /es/ is Spanish.
    response = visitor().get("/es/")
    assert response.status == 200
    assert '<html lang="es"' in response.text
    assert "Pedir una cita" in response.text


def test_session_and_csrf_cookies_are_secure(stack, visitor):
    browser = visitor()
    landing = browser.sign_in(stack.accounts["editor"])
    assert landing.status == 200
    cookies = browser.set_cookie_headers
    session = [c for c in cookies if re.match(r"(__Host-)?sessionid=", c)]
    csrf = [c for c in cookies if re.match(r"(__Host-)?csrftoken=", c)]
    assert session and csrf
    for cookie in session + csrf:
        assert "; Secure" in cookie, cookie
    for cookie in session:
        assert "; HttpOnly" in cookie, cookie


def test_static_files_come_from_nginx_and_hashed_ones_are_cached_for_ever(visitor):
    page = visitor().get("/").text
    css = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', page).group(1)
    response = visitor().get(css)
    assert response.status == 200
    assert "immutable" in response.headers["Cache-Control"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # Everything Django answers has a Permissions-Policy; nginx's files do not.
    assert "Permissions-Policy" in visitor().get("/").headers
    assert "Permissions-Policy" not in response.headers


def test_admin_query_strings_stay_out_of_the_access_log(stack, visitor):
    browser = visitor()
    browser.sign_in(stack.accounts["frontdesk"])
    response = browser.get("/admin/appointments/appointmentrequest/?q=Okonkwo-5550143")
    assert response.status == 200
    # nginx writes the line as it finishes the request, just after the answer.
    for _ in range(50):
        log = stack.access_log.read_text()
        if "/admin/appointments/appointmentrequest/ " in log:
            break
        time.sleep(0.1)
    assert "/admin/appointments/appointmentrequest/ " in log
    assert "Okonkwo" not in log


def test_a_body_over_the_limit_is_refused_before_the_app(visitor):
    response = visitor().post("/appointments/request/", {"message": "x" * 70_000})
    assert response.status == 413
