// A CSS approximation of LINE Flex Messages (bubble, carousel and their components).
// https://developers.line.biz/en/docs/messaging-api/flex-message-layout/

const TEXT_SIZES = {
  xxs: '11px',
  xs: '13px',
  sm: '14px',
  md: '16px',
  lg: '19px',
  xl: '22px',
  xxl: '29px',
  '3xl': '35px',
  '4xl': '48px',
  '5xl': '74px',
};
const SPACING = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const RADIUS = { none: '0px', xs: '2px', sm: '4px', md: '8px', lg: '12px', xl: '16px', xxl: '20px' };
const BORDER = { none: '0px', light: '0.5px', normal: '1px', medium: '2px', 'semi-bold': '3px', bold: '4px' };
const BUBBLE_WIDTH = {
  nano: '120px',
  micro: '160px',
  deca: '220px',
  hecto: '241px',
  kilo: '260px',
  mega: '300px',
  giga: '500px',
};
const IMAGE_SIZES = {
  xxs: '40px',
  xs: '60px',
  sm: '80px',
  md: '100px',
  lg: '120px',
  xl: '140px',
  xxl: '160px',
  '3xl': '180px',
  '4xl': '200px',
  '5xl': '220px',
  full: '100%',
};
const ALIGN = { start: 'flex-start', end: 'flex-end', center: 'center' };
const TEXT_ALIGN = { start: 'left', end: 'right', center: 'center' };

const pick = (map, v) => (v === undefined || v === null ? undefined : (map[v] ?? String(v)));

function h(tag, className) {
  const n = document.createElement(tag);
  if (className) n.className = className;
  return n;
}

/**
 * @param {any} container a Flex container (bubble or carousel)
 * @param {(action: any) => void} onAction
 * @returns {HTMLElement}
 */
export function renderFlexContainer(container, onAction) {
  if (container?.type === 'carousel') {
    const c = h('div', 'flex-carousel');
    for (const b of container.contents ?? []) c.append(renderBubble(b, onAction));
    return c;
  }
  return renderBubble(container, onAction);
}

function renderBubble(b, onAction) {
  if (b?.type !== 'bubble') throw new Error(`not a Flex container: ${b?.type}`);
  const bubble = h('div', 'flex-bubble');
  bubble.style.width = pick(BUBBLE_WIDTH, b.size ?? 'mega');
  if (b.direction === 'rtl') bubble.dir = 'rtl';
  const styles = b.styles ?? {};
  const blocks = [
    ['header', '20px'],
    ['hero', '0px'],
    ['body', '20px'],
    ['footer', '10px'],
  ];
  let first = true;
  for (const [name, padding] of blocks) {
    const comp = b[name];
    if (!comp) continue;
    const st = styles[name] ?? {};
    const block = h('div', `flex-block flex-block--${name}`);
    if (st.backgroundColor) block.style.backgroundColor = st.backgroundColor;
    if (st.separator && !first) block.style.borderTop = `1px solid ${st.separatorColor ?? '#e5e7eb'}`;
    const node = renderComponent(comp, 'vertical', onAction, true);
    if (comp.type === 'box' && !hasPadding(comp)) node.style.padding = padding;
    if (name === 'body' && b.footer && comp.type === 'box' && !hasPadding(comp))
      node.style.paddingBottom = '12px';
    if (name === 'hero' && comp.type === 'image') {
      node.style.width = '100%';
      node.style.maxWidth = '100%';
    }
    block.append(node);
    bubble.append(block);
    first = false;
  }
  if (b.action) clickable(bubble, b.action, onAction);
  return bubble;
}

function hasPadding(c) {
  return ['paddingAll', 'paddingTop', 'paddingBottom', 'paddingStart', 'paddingEnd'].some(
    (k) => c[k] !== undefined,
  );
}

function clickable(node, action, onAction) {
  node.classList.add('flex-clickable');
  node.setAttribute('role', 'button');
  node.tabIndex = 0;
  if (action.label) node.setAttribute('aria-label', action.label);
  const go = (e) => {
    e.stopPropagation();
    onAction(action);
  };
  node.addEventListener('click', go);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      go(e);
    }
  });
}

/** flex, margins, offsets and position: the parts every component shares */
function common(node, c, parentLayout) {
  const horizontal = parentLayout !== 'vertical';
  const defaultFlex =
    horizontal && c.type !== 'separator' && c.type !== 'icon' && c.type !== 'spacer' ? 1 : 0;
  const flex = c.flex ?? defaultFlex;
  if (c.type !== 'filler') {
    node.style.flex = flex > 0 ? (horizontal ? `${flex} ${flex} 0%` : `${flex} ${flex} auto`) : '0 0 auto';
  }
  if (c.position === 'absolute') node.style.position = 'absolute';
  else if (c.offsetTop || c.offsetBottom || c.offsetStart || c.offsetEnd) node.style.position = 'relative';
  if (c.offsetTop) node.style.top = pick(SPACING, c.offsetTop);
  if (c.offsetBottom) node.style.bottom = pick(SPACING, c.offsetBottom);
  if (c.offsetStart) node.style.left = pick(SPACING, c.offsetStart);
  if (c.offsetEnd) node.style.right = pick(SPACING, c.offsetEnd);
  if (c.gravity && horizontal)
    node.style.alignSelf = { top: 'flex-start', bottom: 'flex-end', center: 'center' }[c.gravity];
}

function renderComponent(c, parentLayout, onAction, isBlockRoot = false) {
  let node;
  switch (c?.type) {
    case 'box':
      node = renderBox(c, onAction);
      break;
    case 'text':
      node = renderText(c);
      break;
    case 'button':
      node = renderButton(c, onAction);
      break;
    case 'image':
      node = renderImage(c);
      break;
    case 'icon':
      node = renderIcon(c);
      break;
    case 'separator':
      node = h('div', 'flex-separator');
      if (parentLayout === 'vertical') node.style.borderTop = `1px solid ${c.color ?? '#d4d6da'}`;
      else {
        node.style.borderLeft = `1px solid ${c.color ?? '#d4d6da'}`;
        node.style.alignSelf = 'stretch';
      }
      break;
    case 'filler':
      node = h('div', 'flex-filler');
      node.style.flex = String(c.flex ?? 1);
      break;
    case 'spacer':
      node = h('div', 'flex-spacer');
      node.style[parentLayout === 'vertical' ? 'height' : 'width'] = pick(SPACING, c.size ?? 'md');
      break;
    case 'video':
      node = c.altContent ? renderComponent(c.altContent, parentLayout, onAction) : h('div');
      break;
    default:
      node = h('div');
      node.textContent = `[${c?.type ?? '?'}]`;
  }
  if (!isBlockRoot) common(node, c, parentLayout);
  if (c?.action && c.type !== 'button') clickable(node, c.action, onAction);
  return node;
}

function renderBox(c, onAction) {
  const layout = c.layout ?? 'vertical';
  const box = h('div', `flex-box flex-box--${layout}`);
  const s = box.style;
  s.flexDirection = layout === 'vertical' ? 'column' : 'row';
  if (layout === 'baseline') s.alignItems = 'baseline';
  if (c.backgroundColor) s.backgroundColor = c.backgroundColor;
  if (c.background?.type === 'linearGradient') {
    const stops = [c.background.startColor, c.background.centerColor, c.background.endColor].filter(Boolean);
    s.backgroundImage = `linear-gradient(${c.background.angle ?? '0deg'}, ${stops.join(', ')})`;
  }
  if (c.borderColor || c.borderWidth) {
    s.borderStyle = 'solid';
    s.borderColor = c.borderColor ?? '#000';
    s.borderWidth = pick(BORDER, c.borderWidth ?? 'normal');
  }
  if (c.cornerRadius) {
    s.borderRadius = pick(RADIUS, c.cornerRadius);
    s.overflow = 'hidden';
  }
  if (c.width) s.width = c.width;
  if (c.maxWidth) s.maxWidth = c.maxWidth;
  if (c.height) s.height = c.height;
  if (c.maxHeight) s.maxHeight = c.maxHeight;
  if (c.paddingAll) s.padding = pick(SPACING, c.paddingAll);
  if (c.paddingTop) s.paddingTop = pick(SPACING, c.paddingTop);
  if (c.paddingBottom) s.paddingBottom = pick(SPACING, c.paddingBottom);
  if (c.paddingStart) s.paddingLeft = pick(SPACING, c.paddingStart);
  if (c.paddingEnd) s.paddingRight = pick(SPACING, c.paddingEnd);
  if (c.justifyContent) s.justifyContent = c.justifyContent;
  if (c.alignItems) s.alignItems = c.alignItems;
  if ((c.contents ?? []).some((k) => k.position === 'absolute')) s.position = 'relative';
  const marginSide = layout === 'vertical' ? 'marginTop' : 'marginLeft';
  let i = 0;
  for (const child of c.contents ?? []) {
    const node = renderComponent(child, layout, onAction);
    const gap = child.margin ?? (i > 0 ? c.spacing : undefined);
    if (gap && child.position !== 'absolute') node.style[marginSide] = pick(SPACING, gap);
    box.append(node);
    i++;
  }
  return box;
}

function textStyle(node, c) {
  const s = node.style;
  if (c.size) s.fontSize = pick(TEXT_SIZES, c.size);
  if (c.weight === 'bold') s.fontWeight = '700';
  if (c.color) s.color = c.color;
  if (c.style === 'italic') s.fontStyle = 'italic';
  if (c.decoration === 'underline') s.textDecoration = 'underline';
  if (c.decoration === 'line-through') s.textDecoration = 'line-through';
}

function renderText(c) {
  const node = h('div', `flex-text ${c.wrap ? 'flex-text--wrap' : 'flex-text--nowrap'}`);
  textStyle(node, c);
  node.style.fontSize = pick(TEXT_SIZES, c.size ?? 'md');
  if (c.align) node.style.textAlign = TEXT_ALIGN[c.align] ?? c.align;
  if (c.lineSpacing) node.style.lineHeight = `calc(1.4em + ${c.lineSpacing})`;
  if (c.wrap && c.maxLines) {
    node.style.display = '-webkit-box';
    node.style.webkitBoxOrient = 'vertical';
    node.style.webkitLineClamp = String(c.maxLines);
    node.style.overflow = 'hidden';
  }
  if (Array.isArray(c.contents) && c.contents.length) {
    for (const span of c.contents) {
      const sp = h('span');
      sp.textContent = span.text ?? '';
      textStyle(sp, span);
      node.append(sp);
    }
  } else {
    node.textContent = c.text ?? '';
  }
  return node;
}

function renderButton(c, onAction) {
  const style = c.style ?? 'link';
  const b = h('button', `flex-button flex-button--${style}`);
  b.type = 'button';
  b.textContent = c.action?.label ?? '';
  b.style.height = c.height === 'sm' ? '40px' : '52px';
  if (c.color) {
    if (style === 'link') b.style.color = c.color;
    else b.style.backgroundColor = c.color;
  }
  if (c.action) b.addEventListener('click', () => onAction(c.action));
  b.dataset.actionType = c.action?.type ?? '';
  return b;
}

function renderImage(c) {
  const wrap = h('div', 'flex-image');
  const size = c.size ?? 'md';
  const img = h('img');
  img.src = c.url ?? '';
  img.alt = '';
  img.loading = 'lazy';
  const ratio = String(c.aspectRatio ?? '1:1').split(':');
  img.style.aspectRatio = `${ratio[0]} / ${ratio[1] ?? 1}`;
  img.style.objectFit = c.aspectMode === 'cover' ? 'cover' : 'contain';
  if (c.backgroundColor) img.style.backgroundColor = c.backgroundColor;
  const width = pick(IMAGE_SIZES, size);
  img.style.width = width;
  img.style.maxWidth = '100%';
  wrap.style.justifyContent = ALIGN[c.align ?? 'center'];
  wrap.append(img);
  return wrap;
}

function renderIcon(c) {
  const img = h('img', 'flex-icon');
  img.src = c.url ?? '';
  img.alt = '';
  const size = pick(TEXT_SIZES, c.size ?? 'md');
  const ratio = String(c.aspectRatio ?? '1:1').split(':');
  img.style.height = size;
  img.style.width = `calc(${size} * ${Number(ratio[0]) / Number(ratio[1] ?? 1) || 1})`;
  img.style.alignSelf = 'baseline';
  return img;
}
