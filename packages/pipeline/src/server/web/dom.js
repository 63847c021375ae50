// The only way this page makes elements: tags and attributes from code, text through textContent. Text that came
// from an article is never parsed as HTML (the page's Content-Security-Policy also turns Trusted Types on, so a
// string assigned to innerHTML would throw).

/** Creates `<tag>` with attributes, then children: strings become text nodes, elements are appended. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (k.startsWith('on')) throw new Error(`el(): use addEventListener, not the attribute ${k}`);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, ...children);
  return node;
}

export function append(node, ...children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return node;
}

/** Removes every child. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

export function $(selector) {
  const node = document.querySelector(selector);
  if (!node) throw new Error(`page element ${selector} is missing`);
  return node;
}
