/*
 * Seikyu Stripe emulator — the card form inside the Elements iframe (served at GET /js/elements-frame.js).
 *
 * The host page only ever receives change/focus/blur events and the created PaymentMethod: the card number,
 * expiry and CVC stay in this frame (same guarantee as Stripe's Elements). Validation follows Stripe's:
 * Luhn (UnionPay exempt), brand from the number's prefix, lengths by brand, expiry in the future, CVC length by
 * brand, postal code where the country uses one. Messages are only accepted from the parent window at the
 * origin it declared, and only sent to that origin.
 */
(function () {
  'use strict';

  var TAG = 'seikyu-stripe-emulator';
  var config;
  try {
    config = JSON.parse(decodeURIComponent(window.location.hash.slice(1)));
  } catch (e) {
    document.getElementById('root').textContent = 'This page is the Seikyu Stripe emulator card form; it only works inside Stripe.js Elements.';
    return;
  }
  if (!config || !config.frameId || !config.parentOrigin || window.parent === window) {
    document.getElementById('root').textContent = 'This page is the Seikyu Stripe emulator card form; it only works inside Stripe.js Elements.';
    return;
  }

  var FRAME_ID = config.frameId;
  var PARENT_ORIGIN = config.parentOrigin;
  var BASE_URL = new URL('..', window.location.href).href;
  var TYPE = config.type === 'card' ? 'card' : 'payment';

  // ------------------------------------------------------------------------------------------------------
  // Text (English and Japanese, like Stripe's locales)
  // ------------------------------------------------------------------------------------------------------
  var TEXT = {
    en: {
      card: 'Card',
      number: 'Card number',
      expiry: 'Expiration date',
      cvc: 'Security code',
      country: 'Country',
      zip: 'ZIP',
      postal: 'Postal code',
      expiryPlaceholder: 'MM / YY',
      cvcPlaceholder: 'CVC',
      testNote: 'Test mode (Seikyu Stripe emulator): use 4242 4242 4242 4242 and any future date.',
      incomplete_number: 'Your card number is incomplete.',
      invalid_number: 'Your card number is invalid.',
      incomplete_expiry: "Your card's expiration date is incomplete.",
      invalid_expiry_month: "Your card's expiration date is invalid.",
      invalid_expiry_month_past: "Your card's expiration date is in the past.",
      invalid_expiry_year_past: "Your card's expiration year is in the past.",
      invalid_expiry_year: "Your card's expiration year is invalid.",
      incomplete_cvc: "Your card's security code is incomplete.",
      incomplete_zip: 'Your postal code is incomplete.',
      invalid_zip: 'Your postal code is invalid.',
    },
    ja: {
      card: 'カード',
      number: 'カード番号',
      expiry: '有効期限',
      cvc: 'セキュリティコード',
      country: '国または地域',
      zip: '郵便番号',
      postal: '郵便番号',
      expiryPlaceholder: '月 / 年',
      cvcPlaceholder: 'CVC',
      testNote: 'テストモード（Seikyu Stripe エミュレーター）: 4242 4242 4242 4242 と未来の日付を使ってください。',
      incomplete_number: 'カード番号が不完全です。',
      invalid_number: 'カード番号が無効です。',
      incomplete_expiry: 'カードの有効期限が不完全です。',
      invalid_expiry_month: 'カードの有効期限が無効です。',
      invalid_expiry_month_past: 'カードの有効期限が過去の日付です。',
      invalid_expiry_year_past: 'カードの有効期限の年が過去です。',
      invalid_expiry_year: 'カードの有効期限の年が無効です。',
      incomplete_cvc: 'カードのセキュリティコードが不完全です。',
      incomplete_zip: '郵便番号が不完全です。',
      invalid_zip: '郵便番号が無効です。',
    },
  };
  var COUNTRIES = [
    ['JP', 'Japan', '日本'],
    ['US', 'United States', 'アメリカ合衆国'],
    ['GB', 'United Kingdom', 'イギリス'],
    ['CA', 'Canada', 'カナダ'],
    ['AU', 'Australia', 'オーストラリア'],
    ['DE', 'Germany', 'ドイツ'],
    ['FR', 'France', 'フランス'],
    ['SG', 'Singapore', 'シンガポール'],
    ['KR', 'South Korea', '韓国'],
    ['TW', 'Taiwan', '台湾'],
  ];
  /** Countries where Stripe's Payment Element asks for a postal code. */
  var POSTAL_COUNTRIES = { US: 'zip', CA: 'postal', GB: 'postal' };

  function localeOf(locale) {
    var l = locale && locale !== 'auto' ? locale : navigator.language || 'en';
    return /^ja/i.test(l) ? 'ja' : 'en';
  }

  // ------------------------------------------------------------------------------------------------------
  // Card rules
  // ------------------------------------------------------------------------------------------------------
  var BRANDS = [
    { brand: 'amex', pattern: /^3[47]/, lengths: [15], cvc: 4, gaps: [4, 10] },
    { brand: 'diners', pattern: /^(36|30[0-5]|3095|38|39)/, lengths: [14, 16, 19], cvc: 3, gaps: [4, 10] },
    { brand: 'jcb', pattern: /^(352[89]|35[3-8])/, lengths: [16, 17, 18, 19], cvc: 3, gaps: [4, 8, 12] },
    { brand: 'unionpay', pattern: /^(62|81)/, lengths: [16, 17, 18, 19], cvc: 3, gaps: [4, 8, 12], noLuhn: true },
    { brand: 'discover', pattern: /^(6011|64[4-9]|65)/, lengths: [16, 19], cvc: 3, gaps: [4, 8, 12] },
    { brand: 'mastercard', pattern: /^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/, lengths: [16], cvc: 3, gaps: [4, 8, 12] },
    { brand: 'visa', pattern: /^4/, lengths: [13, 16, 19], cvc: 3, gaps: [4, 8, 12] },
  ];
  var UNKNOWN = { brand: 'unknown', pattern: /^/, lengths: [16, 19], cvc: 3, gaps: [4, 8, 12] };

  function brandOf(digits) {
    for (var i = 0; i < BRANDS.length; i++) if (BRANDS[i].pattern.test(digits)) return BRANDS[i];
    return UNKNOWN;
  }

  function luhn(digits) {
    var sum = 0;
    var double = false;
    for (var i = digits.length - 1; i >= 0; i--) {
      var d = digits.charCodeAt(i) - 48;
      if (double) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
      double = !double;
    }
    return digits.length > 0 && sum % 10 === 0;
  }

  function formatNumber(digits, rule) {
    var out = '';
    for (var i = 0; i < digits.length; i++) {
      if (rule.gaps.indexOf(i) !== -1) out += ' ';
      out += digits[i];
    }
    return out;
  }

  function maxLength(rule) {
    return rule.lengths[rule.lengths.length - 1];
  }

  // ------------------------------------------------------------------------------------------------------
  // Icons (inline SVG)
  // ------------------------------------------------------------------------------------------------------
  var ICONS = {
    visa: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#1a1f71"/><text x="14" y="13" font-family="Arial,sans-serif" font-size="8" font-weight="700" font-style="italic" fill="#fff" text-anchor="middle">VISA</text></svg>',
    mastercard: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#252525"/><circle cx="11" cy="9.5" r="5.5" fill="#eb001b"/><circle cx="17" cy="9.5" r="5.5" fill="#f79e1b" fill-opacity=".9"/></svg>',
    amex: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#2e77bc"/><text x="14" y="12.5" font-family="Arial,sans-serif" font-size="6.5" font-weight="700" fill="#fff" text-anchor="middle">AMEX</text></svg>',
    discover: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#fff" stroke="#ddd"/><circle cx="18" cy="9.5" r="3.2" fill="#f48120"/><text x="10" y="12" font-family="Arial,sans-serif" font-size="5.5" font-weight="700" fill="#222" text-anchor="middle">DISC</text></svg>',
    jcb: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#fff" stroke="#ddd"/><rect x="4" y="4" width="6" height="11" rx="2" fill="#0b4ea2"/><rect x="11" y="4" width="6" height="11" rx="2" fill="#e21836"/><rect x="18" y="4" width="6" height="11" rx="2" fill="#00a651"/></svg>',
    diners: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#fff" stroke="#ddd"/><circle cx="14" cy="9.5" r="5.5" fill="none" stroke="#0079be" stroke-width="2"/></svg>',
    unionpay: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect width="28" height="19" rx="3" fill="#fff" stroke="#ddd"/><rect x="4" y="4" width="7" height="11" fill="#e21836"/><rect x="11" y="4" width="7" height="11" fill="#00447c"/><rect x="18" y="4" width="6" height="11" fill="#007b84"/></svg>',
    unknown: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect x=".5" y=".5" width="27" height="18" rx="3" fill="#f6f8fa" stroke="#c4c4c4"/><rect x="3" y="5" width="22" height="3" fill="#c4c4c4"/><rect x="3" y="12" width="8" height="2" fill="#c4c4c4"/></svg>',
    cvc: '<svg viewBox="0 0 28 19" aria-hidden="true"><rect x=".5" y=".5" width="27" height="18" rx="3" fill="#f6f8fa" stroke="#c4c4c4"/><rect y="4" width="28" height="4" fill="#c4c4c4"/><rect x="15" y="11" width="10" height="4" rx="1" fill="#fff" stroke="#8d8d8d" stroke-width=".6"/><text x="20" y="14.3" font-family="Arial,sans-serif" font-size="3.5" fill="#555" text-anchor="middle">123</text></svg>',
    card: '<svg viewBox="0 0 18 18" aria-hidden="true"><rect x="1" y="3.5" width="16" height="11" rx="2" fill="none" stroke="currentColor" stroke-width="1.6"/><rect x="1" y="6.5" width="16" height="2" fill="currentColor"/></svg>',
  };

  // ------------------------------------------------------------------------------------------------------
  // State and rendering
  // ------------------------------------------------------------------------------------------------------
  var options = config.options || {};
  var lang = localeOf(config.locale);
  var t = TEXT[lang];
  var fields = {
    number: { value: '', touched: false },
    expiry: { value: '', touched: false },
    cvc: { value: '', touched: false },
    postal: { value: '', touched: false },
  };
  var defaultAddress = (options.defaultValues && options.defaultValues.billingDetails && options.defaultValues.billingDetails.address) || {};
  var country = defaultAddress.country || (lang === 'ja' ? 'JP' : 'US');
  if (defaultAddress.postal_code) fields.postal.value = String(defaultAddress.postal_code);
  var els = {};
  var lastSent = '';
  var focused = false;

  function collectsAddress() {
    var f = options.fields && options.fields.billingDetails;
    if (f === 'never') return false;
    if (f && typeof f === 'object' && f.address === 'never') return false;
    return true;
  }

  function postalShown() {
    if (TYPE === 'card') return !options.hidePostalCode;
    return collectsAddress() && !!POSTAL_COUNTRIES[country];
  }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function renderPayment() {
    var countryOptions = COUNTRIES.map(function (c) {
      return '<option value="' + c[0] + '"' + (c[0] === country ? ' selected' : '') + '>' + esc(lang === 'ja' ? c[2] : c[1]) + '</option>';
    }).join('');
    return (
      '<div class="tab" role="presentation">' + ICONS.card + '<span>' + esc(t.card) + '</span></div>' +
      '<div class="grid">' +
      '<div class="full"><label class="label" for="number">' + esc(t.number) + '</label>' +
      '<div class="input-wrap with-icons"><input id="number" name="cardnumber" inputmode="numeric" autocomplete="cc-number" placeholder="1234 1234 1234 1234" aria-describedby="number-error" spellcheck="false">' +
      '<span class="icons" id="brand-icons"></span></div><div class="error" id="number-error" role="alert"></div></div>' +
      '<div class="half"><label class="label" for="expiry">' + esc(t.expiry) + '</label>' +
      '<input id="expiry" name="exp-date" inputmode="numeric" autocomplete="cc-exp" placeholder="' + esc(t.expiryPlaceholder) + '" aria-describedby="expiry-error" spellcheck="false">' +
      '<div class="error" id="expiry-error" role="alert"></div></div>' +
      '<div class="half"><label class="label" for="cvc">' + esc(t.cvc) + '</label>' +
      '<div class="input-wrap"><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="' + esc(t.cvcPlaceholder) + '" aria-describedby="cvc-error" spellcheck="false">' +
      '<span class="cvc-icon">' + ICONS.cvc + '</span></div><div class="error" id="cvc-error" role="alert"></div></div>' +
      '<div class="half' + (collectsAddress() ? '' : ' hidden') + '" id="country-cell"><label class="label" for="country">' + esc(t.country) + '</label>' +
      '<select id="country" name="country" autocomplete="country">' + countryOptions + '</select></div>' +
      '<div class="half" id="postal-cell"><label class="label" for="postal" id="postal-label">' + esc(t.zip) + '</label>' +
      '<input id="postal" name="postal" autocomplete="postal-code" aria-describedby="postal-error" spellcheck="false">' +
      '<div class="error" id="postal-error" role="alert"></div></div>' +
      '</div>' +
      '<p class="test-note">' + esc(t.testNote) + '</p>'
    );
  }

  function renderCard() {
    return (
      '<div class="row">' +
      '<span class="icon" id="brand-icons"></span>' +
      '<label class="sr-only" for="number">' + esc(t.number) + '</label>' +
      '<input class="n" id="number" name="cardnumber" inputmode="numeric" autocomplete="cc-number" placeholder="' + esc(t.number) + '" spellcheck="false">' +
      '<label class="sr-only" for="expiry">' + esc(t.expiry) + '</label>' +
      '<input class="e" id="expiry" name="exp-date" inputmode="numeric" autocomplete="cc-exp" placeholder="' + esc(t.expiryPlaceholder) + '" spellcheck="false">' +
      '<label class="sr-only" for="cvc">' + esc(t.cvc) + '</label>' +
      '<input class="c" id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="' + esc(t.cvcPlaceholder) + '" spellcheck="false">' +
      '<span id="postal-cell" class="z"><label class="sr-only" for="postal">' + esc(t.zip) + '</label>' +
      '<input id="postal" name="postal" autocomplete="postal-code" placeholder="' + esc(t.zip) + '" spellcheck="false"></span>' +
      '</div>'
    );
  }

  function applyAppearance(appearance) {
    appearance = appearance || {};
    var vars = appearance.variables || {};
    var root = document.documentElement;
    Object.keys(vars).forEach(function (key) {
      if (/^[A-Za-z]+$/.test(key) && typeof vars[key] === 'string') root.style.setProperty('--' + key, vars[key]);
    });
    document.body.className = appearance.theme === 'night' ? 'theme-night' : appearance.theme === 'flat' ? 'theme-flat' : '';
    var style = options.style && options.style.base;
    if (TYPE === 'card' && style) {
      if (style.fontSize) root.style.setProperty('--fontSizeBase', style.fontSize);
      if (style.color) root.style.setProperty('--colorText', style.color);
      if (style.fontFamily) root.style.setProperty('--fontFamily', style.fontFamily);
    }
  }

  function render() {
    document.documentElement.lang = lang;
    var root = document.getElementById('root');
    root.innerHTML = TYPE === 'card' ? renderCard() : renderPayment();
    ['number', 'expiry', 'cvc', 'postal', 'country'].forEach(function (id) {
      els[id] = document.getElementById(id);
    });
    els.number.value = formatNumber(digitsOf(fields.number.value), brandOf(digitsOf(fields.number.value)));
    els.expiry.value = fields.expiry.value;
    els.cvc.value = fields.cvc.value;
    els.postal.value = fields.postal.value;
    bindInput('number', onNumberInput);
    bindInput('expiry', onExpiryInput);
    bindInput('cvc', onCvcInput);
    bindInput('postal', function () {
      fields.postal.value = els.postal.value.slice(0, 10);
    });
    if (els.country) {
      els.country.addEventListener('change', function () {
        country = els.country.value;
        update();
      });
    }
    var disabled = !!options.disabled || !!options.readOnly;
    ['number', 'expiry', 'cvc', 'postal', 'country'].forEach(function (id) {
      if (els[id]) els[id].disabled = disabled;
    });
    update(true);
  }

  function digitsOf(s) {
    return String(s || '').replace(/\D/g, '');
  }

  function bindInput(id, onInput) {
    var el = els[id];
    el.addEventListener('input', function () {
      onInput();
      update();
    });
    el.addEventListener('blur', function () {
      fields[id].touched = fields[id].value !== '' || fields[id].touched;
      update();
    });
  }

  function onNumberInput() {
    var digits = digitsOf(els.number.value);
    var rule = brandOf(digits);
    digits = digits.slice(0, maxLength(rule));
    fields.number.value = digits;
    var formatted = formatNumber(digits, rule);
    if (els.number.value !== formatted) els.number.value = formatted;
    if (rule.lengths.indexOf(digits.length) !== -1 && digits.length === maxLength(rule) && validateNumber().complete) {
      els.expiry.focus();
    }
  }

  function onExpiryInput() {
    var raw = els.expiry.value;
    var digits = digitsOf(raw);
    if (digits.length === 1 && digits > '1') digits = '0' + digits;
    digits = digits.slice(0, 4);
    var formatted = digits.length > 2 || (digits.length === 2 && raw.length > fields.expiry.value.length) ? digits.slice(0, 2) + ' / ' + digits.slice(2) : digits;
    fields.expiry.value = formatted;
    if (els.expiry.value !== formatted) els.expiry.value = formatted;
    if (digits.length === 4 && validateExpiry().complete) els.cvc.focus();
  }

  function onCvcInput() {
    var rule = brandOf(fields.number.value);
    var digits = digitsOf(els.cvc.value).slice(0, 4);
    if (rule.brand !== 'unknown') digits = digits.slice(0, rule.cvc);
    fields.cvc.value = digits;
    if (els.cvc.value !== digits) els.cvc.value = digits;
  }

  // Each validator returns { complete, error: code|null, shown: boolean }.
  function validateNumber() {
    var digits = fields.number.value;
    var rule = brandOf(digits);
    if (!digits) return { complete: false, error: fields.number.touched ? 'incomplete_number' : null, empty: true };
    var lengthOk = rule.lengths.indexOf(digits.length) !== -1;
    var luhnOk = rule.noLuhn || luhn(digits);
    if (lengthOk && luhnOk) return { complete: true, error: null };
    if (digits.length >= maxLength(rule) || (lengthOk && !luhnOk && digits.length >= 16)) return { complete: false, error: 'invalid_number' };
    return { complete: false, error: fields.number.touched ? (lengthOk ? 'invalid_number' : 'incomplete_number') : null };
  }

  function validateExpiry() {
    var digits = digitsOf(fields.expiry.value);
    if (!digits) return { complete: false, error: fields.expiry.touched ? 'incomplete_expiry' : null, empty: true };
    var month = parseInt(digits.slice(0, 2), 10);
    if (digits.length >= 2 && (month < 1 || month > 12)) return { complete: false, error: 'invalid_expiry_month' };
    if (digits.length < 4) return { complete: false, error: fields.expiry.touched ? 'incomplete_expiry' : null };
    var year = 2000 + parseInt(digits.slice(2, 4), 10);
    var now = new Date();
    var thisYear = now.getFullYear();
    var thisMonth = now.getMonth() + 1;
    if (year < thisYear) return { complete: false, error: 'invalid_expiry_year_past' };
    if (year === thisYear && month < thisMonth) return { complete: false, error: 'invalid_expiry_month_past' };
    if (year > thisYear + 50) return { complete: false, error: 'invalid_expiry_year' };
    return { complete: true, error: null, month: month, year: year };
  }

  function validateCvc() {
    var digits = fields.cvc.value;
    var rule = brandOf(fields.number.value);
    var need = rule.brand === 'unknown' ? [3, 4] : [rule.cvc];
    if (!digits) return { complete: false, error: fields.cvc.touched ? 'incomplete_cvc' : null, empty: true };
    if (need.indexOf(digits.length) !== -1) return { complete: true, error: null };
    return { complete: false, error: fields.cvc.touched ? 'incomplete_cvc' : null };
  }

  function validatePostal() {
    if (!postalShown()) return { complete: true, error: null, empty: true, skipped: true };
    var value = fields.postal.value.trim();
    if (!value) return { complete: false, error: fields.postal.touched ? 'incomplete_zip' : null, empty: true };
    if (TYPE === 'payment' && country === 'US') {
      if (/^\d{5}(-?\d{4})?$/.test(value)) return { complete: true, error: null };
      if (/^\d{1,4}$/.test(value)) return { complete: false, error: fields.postal.touched ? 'incomplete_zip' : null };
      return { complete: false, error: 'invalid_zip' };
    }
    if (value.length < 3) return { complete: false, error: fields.postal.touched ? 'incomplete_zip' : null };
    return { complete: true, error: null };
  }

  function showError(id, code) {
    var input = els[id];
    if (input) input.setAttribute('aria-invalid', code ? 'true' : 'false');
    var box = document.getElementById(id + '-error');
    if (box) box.textContent = code ? t[code] : '';
  }

  function snapshot() {
    var number = validateNumber();
    var expiry = validateExpiry();
    var cvc = validateCvc();
    var postal = validatePostal();
    return { number: number, expiry: expiry, cvc: cvc, postal: postal };
  }

  function update(initial) {
    var postalCell = document.getElementById('postal-cell');
    if (postalCell) postalCell.classList.toggle('hidden', !postalShown());
    var postalLabel = document.getElementById('postal-label');
    if (postalLabel) postalLabel.textContent = POSTAL_COUNTRIES[country] === 'zip' ? t.zip : t.postal;
    var rule = brandOf(fields.number.value);
    var icons = document.getElementById('brand-icons');
    if (icons) {
      var html;
      if (rule.brand !== 'unknown') html = ICONS[rule.brand];
      else if (TYPE === 'payment') html = ICONS.visa + ICONS.mastercard + ICONS.amex + ICONS.jcb;
      else html = ICONS.unknown;
      if (icons.getAttribute('data-brand') !== rule.brand) {
        icons.innerHTML = html;
        icons.setAttribute('data-brand', rule.brand);
        icons.setAttribute('title', rule.brand);
      }
    }
    var s = snapshot();
    showError('number', s.number.error);
    showError('expiry', s.expiry.error);
    showError('cvc', s.cvc.error);
    showError('postal', s.postal.error);
    var firstError = s.number.error || s.expiry.error || s.cvc.error || s.postal.error;
    var complete = s.number.complete && s.expiry.complete && s.cvc.complete && s.postal.complete;
    var empty = !fields.number.value && !fields.expiry.value && !fields.cvc.value && (!postalShown() || !fields.postal.value);
    var event = { elementType: TYPE, complete: complete, empty: empty };
    if (TYPE === 'payment') {
      event.collapsed = false;
      event.value = { type: 'card' };
    } else {
      event.brand = rule.brand;
      event.value = { postalCode: postalShown() ? fields.postal.value : '' };
    }
    if (firstError) event.error = { type: 'validation_error', code: firstError, message: t[firstError] };
    var key = JSON.stringify(event);
    if (key !== lastSent && !initial) {
      lastSent = key;
      send('change', event);
    } else if (initial) {
      lastSent = key;
    }
    reportSize();
  }

  function touchAll() {
    Object.keys(fields).forEach(function (k) {
      fields[k].touched = true;
    });
    update();
  }

  // ------------------------------------------------------------------------------------------------------
  // Messaging
  // ------------------------------------------------------------------------------------------------------
  function send(type, payload, requestId) {
    window.parent.postMessage({ tag: TAG, frameId: FRAME_ID, type: type, requestId: requestId, payload: payload }, PARENT_ORIGIN);
  }

  var lastHeight = 0;
  function reportSize() {
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== lastHeight) {
      lastHeight = height;
      send('resize', { height: height });
    }
  }

  function validationResult() {
    touchAll();
    var s = snapshot();
    var code = s.number.error || s.expiry.error || s.cvc.error || s.postal.error;
    if (!code && !(s.number.complete && s.expiry.complete && s.cvc.complete && s.postal.complete)) code = 'incomplete_number';
    if (code) return { error: { type: 'validation_error', code: code, message: t[code] } };
    return null;
  }

  function encodeForm(params, prefix, out) {
    out = out || [];
    if (params === undefined || params === null) return out;
    if (typeof params === 'object') {
      Object.keys(params).forEach(function (key) {
        encodeForm(params[key], prefix ? prefix + '[' + key + ']' : key, out);
      });
      return out;
    }
    out.push(encodeURIComponent(prefix) + '=' + encodeURIComponent(String(params)));
    return out;
  }

  function createPaymentMethod(payload) {
    var invalid = validationResult();
    if (invalid) return Promise.resolve(invalid);
    var expiry = validateExpiry();
    var billing = JSON.parse(JSON.stringify((payload && payload.billing_details) || {}));
    if (TYPE === 'payment' && collectsAddress()) {
      billing.address = billing.address || {};
      if (!billing.address.country) billing.address.country = country;
      if (postalShown() && !billing.address.postal_code) billing.address.postal_code = fields.postal.value.trim();
    } else if (TYPE === 'card' && postalShown() && fields.postal.value) {
      billing.address = billing.address || {};
      if (!billing.address.postal_code) billing.address.postal_code = fields.postal.value.trim();
    }
    var params = {
      type: 'card',
      card: { number: fields.number.value, exp_month: expiry.month, exp_year: expiry.year, cvc: fields.cvc.value },
      billing_details: Object.keys(billing).length ? billing : undefined,
      metadata: payload && payload.metadata,
      allow_redisplay: payload && payload.allow_redisplay,
      payment_user_agent: 'stripe.js/seikyu-emulator; stripe-js-v3/seikyu-emulator; ' + (TYPE === 'payment' ? 'payment-element' : 'card-element'),
      key: config.publishableKey,
    };
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (config.stripeAccount) headers['Stripe-Account'] = config.stripeAccount;
    return fetch(new URL('v1/payment_methods', BASE_URL).href, {
      method: 'POST',
      headers: headers,
      body: encodeForm(params, '').join('&'),
      credentials: 'omit',
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok || body.error) return { error: body.error || { type: 'api_error', message: 'The Stripe emulator answered ' + response.status + '.' } };
          return { paymentMethod: body };
        });
      })
      .catch(function (e) {
        return { error: { type: 'api_connection_error', message: 'Could not reach the Stripe emulator (' + e.message + ').' } };
      });
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== PARENT_ORIGIN || event.source !== window.parent) return;
    var data = event.data;
    if (!data || data.tag !== TAG || data.frameId !== FRAME_ID) return;
    var payload = data.payload || {};
    switch (data.type) {
      case 'config': {
        // Re-render only when something structural changed, so typing is never interrupted.
        var nextOptions = payload.options || options;
        var nextLang = localeOf(payload.locale);
        var changed = JSON.stringify(nextOptions) !== JSON.stringify(options) || nextLang !== lang;
        options = nextOptions;
        lang = nextLang;
        t = TEXT[lang];
        applyAppearance(payload.appearance);
        if (changed) render();
        break;
      }
      case 'focus':
        if (els.number) els.number.focus();
        break;
      case 'blur':
        if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
        break;
      case 'clear':
        Object.keys(fields).forEach(function (k) {
          fields[k] = { value: '', touched: false };
        });
        render();
        update();
        break;
      case 'validate':
        send('response', validationResult() || {}, data.requestId);
        break;
      case 'createPaymentMethod':
        createPaymentMethod(payload).then(function (result) {
          send('response', result, data.requestId);
        });
        break;
      default:
        break;
    }
  });

  document.addEventListener('focusin', function () {
    if (!focused) {
      focused = true;
      send('focus', {});
    }
  });
  document.addEventListener('focusout', function (event) {
    if (!event.relatedTarget || !document.body.contains(event.relatedTarget)) {
      focused = false;
      send('blur', {});
    }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') send('escape', {});
  });
  if (typeof ResizeObserver === 'function') new ResizeObserver(reportSize).observe(document.body);

  applyAppearance(config.appearance);
  render();
  send('ready', {});
  reportSize();
})();
