"""Accessibility checks shared by the browser tests: axe-core and two measurements.

axe-core (through axe-playwright-python) covers WCAG 2.0, 2.1 and 2.2 A and AA and its
best-practice rules. Two things the house style asks for are measured directly, since
axe either does not check them or allows more: body text of at least 18 px, and every
interactive target at least 24 by 24 px (WCAG 2.5.8, with its inline-link exception).
"""

from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
MIN_BODY_FONT_PX = 18
MIN_TARGET_PX = 24

_axe = Axe()


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now; return its violations."""
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    return _axe.run(page, options=options).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One paragraph per rule, with every offending element: for a failing assert."""
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.append(
            f"\n[{violation['impact']}] {violation['id']}: {violation['help']}"
            f"\n  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
            lines.append(f"    {node['html'][:200]}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


_SMALL_TARGETS_JS = """
(minimum) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, '
    + 'summary, [role=button], [tabindex]:not([tabindex="-1"])';
  const small = [];
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
    // WCAG 2.5.8 exempts a link inside a sentence, whose size the line of text sets:
    // an inline element with text of its own beside it in the same parent.
    if (style.display === 'inline' && element.parentElement) {
      const beside = [...element.parentElement.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if (beside) continue;
    }
    if (box.width < minimum || box.height < minimum) {
      const label = (element.innerText || element.getAttribute('aria-label')
        || element.name || '').trim().slice(0, 40);
      small.push(`${element.tagName.toLowerCase()} "${label}" `
        + `${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
    }
  }
  return small;
}
"""


def small_targets(page) -> list[str]:
    """Visible interactive elements smaller than 24x24 px, as readable strings."""
    return page.evaluate(_SMALL_TARGETS_JS, MIN_TARGET_PX)


def body_font_px(page) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)"))
