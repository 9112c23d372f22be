/*
 * Seikyu Stripe emulator — Stripe.js stand-in (served at GET /js/stripe.js).
 *
 * Defines window.Stripe with Stripe.version = 'endive' so @stripe/stripe-js (v10) picks it up when this script
 * loads first, and @stripe/react-stripe-js (v7) works unchanged. Card fields live in an iframe served by the
 * emulator (/js/elements-frame.html): the host page never sees a card number. The frame creates the
 * PaymentMethod; this file confirms intents with the publishable key and the intent's client secret, and opens
 * the 3-D Secure test challenge (/js/three-d-secure.html) in a modal when an intent requires action.
 *
 * Plain ES2019 browser JavaScript, no bundler, no dependencies.
 */
(function () {
  'use strict';

  if (typeof window === 'undefined') return;
  if (window.Stripe && window.Stripe.__seikyuEmulator) return;

  var currentScript = document.currentScript;
  var scriptSrc = currentScript && currentScript.src ? currentScript.src : '';
  if (!scriptSrc) {
    var scripts = document.querySelectorAll('script[src$="/js/stripe.js"]');
    if (scripts.length) scriptSrc = scripts[scripts.length - 1].src;
  }
  // The emulator's base URL: the script is served at <base>/js/stripe.js.
  var BASE_URL = new URL('..', scriptSrc || window.location.href).href;
  var EMULATOR_ORIGIN = new URL(BASE_URL).origin;
  var MESSAGE_TAG = 'seikyu-stripe-emulator';

  var uid = 0;
  function nextId(prefix) {
    uid += 1;
    return prefix + '-' + Date.now().toString(36) + '-' + uid;
  }

  function IntegrationError(message) {
    var error = new Error(message);
    error.name = 'IntegrationError';
    return error;
  }

  // ---------------------------------------------------------------------------------------------------------
  // HTTP: form-encoded like Stripe.js, authenticated with the publishable key.
  // ---------------------------------------------------------------------------------------------------------

  function encodeForm(params, prefix, out) {
    out = out || [];
    if (params === undefined) return out;
    if (params === null) {
      if (prefix) out.push(encodeURIComponent(prefix) + '=');
      return out;
    }
    if (Array.isArray(params)) {
      params.forEach(function (value, index) {
        encodeForm(value, prefix + '[' + index + ']', out);
      });
      return out;
    }
    if (typeof params === 'object') {
      Object.keys(params).forEach(function (key) {
        encodeForm(params[key], prefix ? prefix + '[' + key + ']' : key, out);
      });
      return out;
    }
    out.push(encodeURIComponent(prefix) + '=' + encodeURIComponent(String(params)));
    return out;
  }

  function connectionError(cause) {
    return {
      error: {
        type: 'api_connection_error',
        message: 'Could not reach the Stripe emulator at ' + BASE_URL + ' (' + (cause && cause.message ? cause.message : cause) + ').',
      },
    };
  }

  /** Resolves to the parsed body ({ error } for non-2xx); never rejects. */
  function apiRequest(stripe, method, path, params) {
    var url = new URL(path.replace(/^\//, ''), BASE_URL);
    var body;
    // Like Stripe.js, the publishable key travels as the `key` param: a simple CORS request, no preflight.
    var encoded = encodeForm(Object.assign({}, params || {}, { key: stripe._key }), '').join('&');
    if (method === 'GET') {
      url.search = encoded;
    } else {
      body = encoded;
    }
    var headers = {};
    if (body !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (stripe._options.stripeAccount) headers['Stripe-Account'] = stripe._options.stripeAccount;
    if (stripe._options.apiVersion) headers['Stripe-Version'] = stripe._options.apiVersion;
    return fetch(url.href, { method: method, headers: headers, body: body, credentials: 'omit', mode: 'cors' })
      .then(function (response) {
        return response.text().then(function (text) {
          var json;
          try {
            json = text ? JSON.parse(text) : {};
          } catch (e) {
            return { error: { type: 'api_error', message: 'The Stripe emulator answered ' + response.status + ' with a body that is not JSON.' } };
          }
          if (!response.ok && !json.error) {
            json = { error: { type: 'api_error', message: 'The Stripe emulator answered ' + response.status + '.' } };
          }
          return json;
        });
      })
      .catch(connectionError);
  }

  function parseClientSecret(clientSecret) {
    if (typeof clientSecret !== 'string') return null;
    var match = /^((seti|pi)_[A-Za-z0-9]+)_secret_[A-Za-z0-9]+$/.exec(clientSecret);
    if (!match) return null;
    return { id: match[1], kind: match[2] === 'seti' ? 'setup_intent' : 'payment_intent', clientSecret: clientSecret };
  }

  function requireClientSecret(method, clientSecret, expected) {
    var parsed = parseClientSecret(clientSecret);
    if (!parsed) {
      throw IntegrationError(
        'Invalid value for ' + method + ': clientSecret should be a client secret of the form ${id}_secret_${secret}. You specified: ' + clientSecret + '.'
      );
    }
    if (expected && parsed.kind !== expected) {
      throw IntegrationError(method + ': expected the client secret of a ' + expected.replace('_', ' ') + ', got ' + parsed.id + '.');
    }
    return parsed;
  }

  function intentPath(parsed) {
    return parsed.kind === 'setup_intent' ? '/v1/setup_intents/' + parsed.id : '/v1/payment_intents/' + parsed.id;
  }

  function resultKey(kind) {
    return kind === 'setup_intent' ? 'setupIntent' : 'paymentIntent';
  }

  function retrieveIntent(stripe, parsed) {
    return apiRequest(stripe, 'GET', intentPath(parsed), { client_secret: parsed.clientSecret });
  }

  /** Turns an intent that failed after an action into Stripe.js's { error } shape. */
  function intentFailure(kind, intent) {
    var last = kind === 'setup_intent' ? intent.last_setup_error : intent.last_payment_error;
    var code = kind === 'setup_intent' ? 'setup_intent_authentication_failure' : 'payment_intent_authentication_failure';
    var error = {};
    if (last) {
      Object.keys(last).forEach(function (key) {
        error[key] = last[key];
      });
    }
    if (!error.type) error.type = 'invalid_request_error';
    if (!error.code) error.code = code;
    if (!error.message) {
      error.message = 'We are unable to authenticate your payment method. Please choose a different payment method and try again.';
    }
    error[kind] = intent;
    return { error: error };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Messaging with the emulator's frames (origin- and source-checked both ways).
  // ---------------------------------------------------------------------------------------------------------

  var frameHandlers = {};
  var pendingRequests = {};

  window.addEventListener('message', function (event) {
    if (event.origin !== EMULATOR_ORIGIN) return;
    var data = event.data;
    if (!data || data.tag !== MESSAGE_TAG || typeof data.frameId !== 'string') return;
    var handler = frameHandlers[data.frameId];
    if (!handler || event.source !== handler.window()) return;
    if (data.type === 'response' && data.requestId && pendingRequests[data.requestId]) {
      var pending = pendingRequests[data.requestId];
      delete pendingRequests[data.requestId];
      pending(data.payload);
      return;
    }
    handler.onMessage(data);
  });

  function postToFrame(frameWindow, frameId, type, payload) {
    if (!frameWindow) return;
    frameWindow.postMessage({ tag: MESSAGE_TAG, frameId: frameId, type: type, payload: payload }, EMULATOR_ORIGIN);
  }

  function requestFrame(frameWindow, frameId, type, payload, timeoutMs) {
    return new Promise(function (resolve) {
      var requestId = nextId('req');
      var timer = setTimeout(function () {
        if (pendingRequests[requestId]) {
          delete pendingRequests[requestId];
          resolve({ error: { type: 'api_connection_error', message: 'The card form did not answer (' + type + ').' } });
        }
      }, timeoutMs || 30000);
      pendingRequests[requestId] = function (result) {
        clearTimeout(timer);
        resolve(result);
      };
      frameWindow.postMessage({ tag: MESSAGE_TAG, frameId: frameId, type: type, requestId: requestId, payload: payload }, EMULATOR_ORIGIN);
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Elements
  // ---------------------------------------------------------------------------------------------------------

  var SUPPORTED_ELEMENTS = ['payment', 'card'];

  function ElementsGroup(stripe, options) {
    this._stripe = stripe;
    this._options = Object.assign({}, options || {});
    this._elements = [];
    this._submitted = false;
    if (this._options.clientSecret !== undefined && !parseClientSecret(this._options.clientSecret)) {
      throw IntegrationError('Invalid value for elements(): clientSecret should be a client secret of the form ${id}_secret_${secret}.');
    }
    if (this._options.mode && ['payment', 'setup', 'subscription'].indexOf(this._options.mode) === -1) {
      throw IntegrationError('Invalid value for elements(): mode should be one of payment, setup, subscription.');
    }
  }

  ElementsGroup.prototype.create = function (type, options) {
    if (SUPPORTED_ELEMENTS.indexOf(type) === -1) {
      throw IntegrationError(
        'elements.create(\'' + type + '\') is not supported by the Seikyu Stripe emulator; it implements ' + SUPPORTED_ELEMENTS.join(' and ') + '.'
      );
    }
    for (var i = 0; i < this._elements.length; i++) {
      if (this._elements[i]._type === type) {
        throw IntegrationError('Can only create one Element of type ' + type + '.');
      }
    }
    var element = new Element(this, type, options || {});
    this._elements.push(element);
    return element;
  };

  ElementsGroup.prototype.getElement = function (typeOrComponent) {
    var type = typeOrComponent && typeOrComponent.__elementType ? typeOrComponent.__elementType : typeOrComponent;
    for (var i = 0; i < this._elements.length; i++) {
      if (this._elements[i]._type === type && !this._elements[i]._destroyed) return this._elements[i];
    }
    return null;
  };

  ElementsGroup.prototype.update = function (options) {
    var self = this;
    Object.keys(options || {}).forEach(function (key) {
      if (key === 'clientSecret') {
        console.warn('[Seikyu Stripe emulator] elements.update(): clientSecret cannot be changed.');
        return;
      }
      self._options[key] = options[key];
    });
    this._elements.forEach(function (element) {
      element._sendConfig();
    });
  };

  ElementsGroup.prototype.fetchUpdates = function () {
    return Promise.resolve({});
  };

  ElementsGroup.prototype._cardElement = function () {
    for (var i = 0; i < this._elements.length; i++) {
      var element = this._elements[i];
      if (!element._destroyed && element._mounted) return element;
    }
    return null;
  };

  /** Validates every field and shows errors in the frame, as Stripe's elements.submit() does. */
  ElementsGroup.prototype.submit = function () {
    var element = this._cardElement();
    var self = this;
    if (!element) {
      return Promise.resolve({
        error: { type: 'validation_error', code: 'incomplete', message: 'No mounted Payment Element to submit.' },
      });
    }
    return element._request('validate', {}).then(function (result) {
      if (result && result.error) return { error: result.error };
      self._submitted = true;
      return { selectedPaymentMethod: 'card' };
    });
  };

  function Element(group, type, options) {
    this._group = group;
    this._type = type;
    this._options = Object.assign({}, options);
    this._frameId = nextId('seikyu-element');
    this._listeners = {};
    this._mounted = false;
    this._destroyed = false;
    this._ready = false;
    this._readyQueue = [];
    this._container = null;
    this._iframe = null;
    this._state = { complete: false, empty: true };
    var self = this;
    frameHandlers[this._frameId] = {
      window: function () {
        return self._iframe ? self._iframe.contentWindow : null;
      },
      onMessage: function (data) {
        self._onFrameMessage(data);
      },
    };
  }

  Element.prototype._assertAlive = function (method) {
    if (this._destroyed) {
      throw IntegrationError('This Element has already been destroyed. Please create a new one (' + method + ').');
    }
  };

  Element.prototype.on = function (event, handler) {
    if (typeof handler !== 'function') throw IntegrationError('element.on(): handler must be a function.');
    (this._listeners[event] = this._listeners[event] || []).push(handler);
    return this;
  };
  Element.prototype.addEventListener = Element.prototype.on;

  Element.prototype.once = function (event, handler) {
    var self = this;
    function wrapped(payload) {
      self.off(event, wrapped);
      handler(payload);
    }
    return this.on(event, wrapped);
  };

  Element.prototype.off = function (event, handler) {
    var list = this._listeners[event];
    if (!list) return this;
    if (!handler) {
      delete this._listeners[event];
      return this;
    }
    this._listeners[event] = list.filter(function (h) {
      return h !== handler;
    });
    return this;
  };
  Element.prototype.removeEventListener = Element.prototype.off;

  Element.prototype._emit = function (event, payload) {
    var list = (this._listeners[event] || []).slice();
    for (var i = 0; i < list.length; i++) {
      try {
        list[i](payload);
      } catch (e) {
        setTimeout(function () {
          throw e;
        });
      }
    }
  };

  Element.prototype._config = function () {
    var groupOptions = this._group._options;
    return {
      frameId: this._frameId,
      type: this._type,
      parentOrigin: window.location.origin,
      publishableKey: this._group._stripe._key,
      stripeAccount: this._group._stripe._options.stripeAccount || null,
      locale: groupOptions.locale || this._group._stripe._options.locale || 'auto',
      appearance: groupOptions.appearance || {},
      options: this._options,
    };
  };

  Element.prototype._sendConfig = function () {
    if (!this._iframe || !this._ready) return;
    postToFrame(this._iframe.contentWindow, this._frameId, 'config', this._config());
  };

  Element.prototype.mount = function (target) {
    this._assertAlive('mount');
    var node = typeof target === 'string' ? document.querySelector(target) : target;
    if (!node || !node.appendChild) {
      throw IntegrationError('Invalid DOM element or selector for element.mount(): ' + target + '.');
    }
    if (this._mounted) {
      throw IntegrationError('This Element is already mounted. Use unmount() before mounting it again.');
    }
    var container = document.createElement('div');
    container.className = 'SeikyuElement SeikyuElement--' + this._type;
    container.style.cssText = 'position:relative;width:100%;';
    var iframe = document.createElement('iframe');
    iframe.name = this._frameId;
    iframe.title = this._type === 'payment' ? 'Secure payment input frame' : 'Secure card payment input frame';
    iframe.setAttribute('frameborder', '0');
    iframe.setAttribute('allowtransparency', 'true');
    iframe.setAttribute('scrolling', 'no');
    iframe.setAttribute('allow', 'payment *');
    iframe.style.cssText = 'border:none;margin:0;padding:0;width:100%;min-width:100%;display:block;overflow:hidden;height:' +
      (this._type === 'payment' ? '200px' : '44px') + ';background:transparent;';
    var config = this._config();
    iframe.src = new URL('js/elements-frame.html', BASE_URL).href + '#' + encodeURIComponent(JSON.stringify(config));
    var self = this;
    iframe.addEventListener('error', function () {
      self._emit('loaderror', { elementType: self._type, error: { type: 'api_connection_error', message: 'Failed to load the card form.' } });
    });
    container.appendChild(iframe);
    node.appendChild(container);
    this._container = container;
    this._iframe = iframe;
    this._mounted = true;
    if (this._type === 'payment') this._emit('loaderstart', { elementType: this._type });
  };

  Element.prototype.unmount = function () {
    this._assertAlive('unmount');
    if (this._container && this._container.parentNode) this._container.parentNode.removeChild(this._container);
    this._container = null;
    this._iframe = null;
    this._mounted = false;
    this._ready = false;
  };

  Element.prototype.destroy = function () {
    if (this._destroyed) return;
    if (this._mounted) this.unmount();
    this._destroyed = true;
    delete frameHandlers[this._frameId];
    var group = this._group;
    group._elements = group._elements.filter(function (e) {
      return e !== this;
    }, this);
  };

  Element.prototype.update = function (options) {
    this._assertAlive('update');
    Object.assign(this._options, options || {});
    this._sendConfig();
  };

  Element.prototype._command = function (type) {
    if (!this._iframe) return;
    postToFrame(this._iframe.contentWindow, this._frameId, type, {});
  };
  Element.prototype.focus = function () {
    this._assertAlive('focus');
    if (this._iframe) this._iframe.focus();
    this._command('focus');
  };
  Element.prototype.blur = function () {
    this._assertAlive('blur');
    this._command('blur');
  };
  Element.prototype.clear = function () {
    this._assertAlive('clear');
    this._command('clear');
  };
  Element.prototype.collapse = function () {
    return this;
  };

  /** Sends a request to the frame once it is ready. */
  Element.prototype._request = function (type, payload) {
    var self = this;
    if (!this._mounted) {
      return Promise.resolve({ error: { type: 'validation_error', code: 'incomplete', message: 'The card form is not mounted.' } });
    }
    if (this._ready) return requestFrame(this._iframe.contentWindow, this._frameId, type, payload);
    return new Promise(function (resolve) {
      self._readyQueue.push(function () {
        requestFrame(self._iframe.contentWindow, self._frameId, type, payload).then(resolve);
      });
    });
  };

  Element.prototype._onFrameMessage = function (data) {
    var payload = data.payload || {};
    switch (data.type) {
      case 'ready':
        this._ready = true;
        this._sendConfig();
        this._emit('ready', { elementType: this._type });
        var queue = this._readyQueue;
        this._readyQueue = [];
        queue.forEach(function (fn) {
          fn();
        });
        break;
      case 'resize':
        if (this._iframe && typeof payload.height === 'number' && payload.height > 0) {
          this._iframe.style.height = Math.ceil(payload.height) + 'px';
        }
        break;
      case 'change':
        this._state = payload;
        this._emit('change', payload);
        break;
      case 'focus':
      case 'blur':
      case 'escape':
        this._emit(data.type, { elementType: this._type });
        break;
      default:
        break;
    }
  };

  // ---------------------------------------------------------------------------------------------------------
  // 3-D Secure challenge (modal iframe at the emulator)
  // ---------------------------------------------------------------------------------------------------------

  function runChallenge(stripe, parsed, intent) {
    return new Promise(function (resolve) {
      var frameId = nextId('seikyu-3ds');
      var overlay = document.createElement('div');
      overlay.setAttribute('data-seikyu-3ds', parsed.id);
      overlay.style.cssText =
        'position:fixed;inset:0;z-index:2147483647;background:rgba(26,31,54,0.55);display:flex;align-items:center;justify-content:center;padding:16px;';
      var iframe = document.createElement('iframe');
      iframe.name = frameId;
      iframe.title = '3D Secure authentication';
      iframe.setAttribute('frameborder', '0');
      iframe.style.cssText =
        'border:none;border-radius:8px;background:#fff;width:100%;max-width:500px;height:480px;max-height:calc(100vh - 32px);box-shadow:0 10px 40px rgba(0,0,0,.3);';
      var config = {
        frameId: frameId,
        parentOrigin: window.location.origin,
        publishableKey: stripe._key,
        intentId: parsed.id,
        clientSecret: parsed.clientSecret,
        kind: parsed.kind,
        amount: typeof intent.amount === 'number' ? intent.amount : null,
        currency: intent.currency || null,
      };
      iframe.src = new URL('js/three-d-secure.html', BASE_URL).href + '#' + encodeURIComponent(JSON.stringify(config));
      overlay.appendChild(iframe);
      frameHandlers[frameId] = {
        window: function () {
          return iframe.contentWindow;
        },
        onMessage: function (data) {
          if (data.type !== 'challenge-result') return;
          delete frameHandlers[frameId];
          if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
          resolve(data.payload || {});
        },
      };
      document.body.appendChild(overlay);
    });
  }

  /**
   * Drives an intent that came back from confirm to its end state: opens the challenge when it requires action
   * and re-reads the intent afterwards. Resolves to { setupIntent } / { paymentIntent } / { error }.
   */
  function settleIntent(stripe, parsed, intent) {
    if (intent.status !== 'requires_action') {
      if (intent.status === 'requires_payment_method' && (intent.last_setup_error || intent.last_payment_error)) {
        return Promise.resolve(intentFailure(parsed.kind, intent));
      }
      var ok = {};
      ok[resultKey(parsed.kind)] = intent;
      return Promise.resolve(ok);
    }
    return runChallenge(stripe, parsed, intent).then(function (outcome) {
      return retrieveIntent(stripe, parsed).then(function (body) {
        if (body.error) return body;
        if (body.status === 'requires_action') {
          // The challenge closed without a decision reaching the emulator.
          return intentFailure(parsed.kind, body);
        }
        if (outcome && outcome.error && body.status !== 'succeeded' && body.status !== 'processing' && body.status !== 'requires_capture') {
          return intentFailure(parsed.kind, body);
        }
        return settleIntent(stripe, parsed, body);
      });
    });
  }

  function confirmIntent(stripe, parsed, params) {
    var path = intentPath(parsed) + '/confirm';
    var body = Object.assign({}, params, { client_secret: parsed.clientSecret, use_stripe_sdk: true });
    return apiRequest(stripe, 'POST', path, body).then(function (response) {
      if (response.error) {
        var error = response.error;
        if (!error[parsed.kind] && error.type === 'card_error') {
          // Stripe.js attaches the intent to card errors; fetch it if the API did not embed it.
          return retrieveIntent(stripe, parsed).then(function (intent) {
            if (!intent.error) error[parsed.kind] = intent;
            return { error: error };
          });
        }
        return { error: error };
      }
      return settleIntent(stripe, parsed, response);
    });
  }

  function redirectAfter(parsed, returnUrl, result) {
    var intent = result[resultKey(parsed.kind)];
    var url = new URL(returnUrl, window.location.href);
    var prefix = parsed.kind === 'setup_intent' ? 'setup_intent' : 'payment_intent';
    url.searchParams.set(prefix, parsed.id);
    url.searchParams.set(prefix + '_client_secret', parsed.clientSecret);
    var status = intent ? intent.status : '';
    // Stripe's redirect_status values: succeeded, processing, failed.
    url.searchParams.set('redirect_status', status === 'succeeded' || status === 'requires_capture' ? 'succeeded' : status === 'processing' ? 'processing' : 'failed');
    window.location.assign(url.href);
    // Like Stripe.js, the promise never settles when the page navigates away.
    return new Promise(function () {});
  }

  function createPaymentMethodFromElement(stripe, element, extra) {
    if (!element || element._destroyed || !element._mounted) {
      return Promise.resolve({
        error: { type: 'invalid_request_error', message: 'The card Element is not mounted; mount it before confirming.' },
      });
    }
    return element._request('createPaymentMethod', {
      billing_details: extra && extra.billing_details,
      metadata: extra && extra.metadata,
      allow_redisplay: extra && extra.allow_redisplay,
    });
  }

  /**
   * With a deferred intent (Elements created from `mode`, no clientSecret), Stripe.js refuses to confirm or create
   * a PaymentMethod unless elements.submit() succeeded first; each submit allows one such call.
   */
  function requireSubmitted(elements, method) {
    if (elements._options.clientSecret) return;
    if (!elements._submitted) {
      throw IntegrationError(
        'elements.submit() must be called before ' + method.replace(/^stripe\./, '') + '(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work. Integration guide: https://stripe.com/docs/payments/accept-a-payment-deferred'
      );
    }
    elements._submitted = false;
  }

  function confirmWithElements(stripe, kind, method, args) {
    args = args || {};
    var elements = args.elements;
    if (!elements || !(elements instanceof ElementsGroup)) {
      throw IntegrationError('Invalid value for ' + method + '(): elements should be an Elements group. You specified: ' + typeof elements + '.');
    }
    var clientSecret = args.clientSecret || elements._options.clientSecret;
    var parsed = requireClientSecret(method, clientSecret, kind);
    var confirmParams = args.confirmParams || {};
    var redirect = args.redirect || 'always';
    if (redirect !== 'always' && redirect !== 'if_required') {
      throw IntegrationError('Invalid value for ' + method + '(): redirect should be "always" or "if_required".');
    }
    if (redirect === 'always' && !confirmParams.return_url) {
      throw IntegrationError(
        method + '(): the `confirmParams.return_url` argument is required unless passing `redirect: \'if_required\'`.'
      );
    }
    if (args.clientSecret && elements._options.clientSecret && args.clientSecret !== elements._options.clientSecret) {
      // Both given and different: Stripe.js rejects this integration mistake.
      throw IntegrationError(method + '(): clientSecret does not match the clientSecret used to create the Elements group.');
    }
    var element = elements._cardElement();
    if (!element) {
      throw IntegrationError('Invalid value for ' + method + '(): elements should have a mounted Payment Element or Express Checkout Element.');
    }
    requireSubmitted(elements, method);
    var pmData = confirmParams.payment_method_data || {};
    return createPaymentMethodFromElement(stripe, element, pmData).then(function (created) {
      if (created.error) return { error: created.error };
      var params = {};
      Object.keys(confirmParams).forEach(function (key) {
        if (key !== 'payment_method_data') params[key] = confirmParams[key];
      });
      params.payment_method = created.paymentMethod.id;
      return confirmIntent(stripe, parsed, params).then(function (result) {
        if (!result.error && redirect === 'always') return redirectAfter(parsed, confirmParams.return_url, result);
        return result;
      });
    });
  }

  function confirmCard(stripe, kind, method, clientSecret, data, options) {
    var parsed = requireClientSecret(method, clientSecret, kind);
    data = data || {};
    var params = {};
    Object.keys(data).forEach(function (key) {
      if (key !== 'payment_method') params[key] = data[key];
    });
    var pm = data.payment_method;
    var handleActions = !options || options.handleActions !== false;
    var createStep;
    if (pm === undefined) {
      createStep = Promise.resolve(null);
    } else if (typeof pm === 'string') {
      createStep = Promise.resolve(pm);
    } else if (pm && typeof pm === 'object' && pm.card instanceof Element) {
      createStep = createPaymentMethodFromElement(stripe, pm.card, pm).then(function (created) {
        if (created.error) return created;
        return created.paymentMethod.id;
      });
    } else {
      throw IntegrationError(method + '(): payment_method should be a PaymentMethod id or { card: cardElement }.');
    }
    return createStep.then(function (pmId) {
      if (pmId && typeof pmId === 'object' && pmId.error) return { error: pmId.error };
      if (pmId) params.payment_method = pmId;
      if (!handleActions) {
        var path = intentPath(parsed) + '/confirm';
        return apiRequest(stripe, 'POST', path, Object.assign(params, { client_secret: parsed.clientSecret })).then(function (body) {
          if (body.error) return { error: body.error };
          var ok = {};
          ok[resultKey(parsed.kind)] = body;
          return ok;
        });
      }
      return confirmIntent(stripe, parsed, params);
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // The Stripe object
  // ---------------------------------------------------------------------------------------------------------

  function StripeInstance(key, options) {
    this._key = key;
    this._options = Object.assign({}, options || {});
    this._wrappers = [];
    this._appInfo = null;
  }

  StripeInstance.prototype.elements = function (options) {
    return new ElementsGroup(this, options);
  };

  StripeInstance.prototype.confirmSetup = function (args) {
    return confirmWithElements(this, 'setup_intent', 'stripe.confirmSetup', args);
  };

  StripeInstance.prototype.confirmPayment = function (args) {
    return confirmWithElements(this, 'payment_intent', 'stripe.confirmPayment', args);
  };

  StripeInstance.prototype.confirmCardSetup = function (clientSecret, data, options) {
    return confirmCard(this, 'setup_intent', 'stripe.confirmCardSetup', clientSecret, data, options);
  };

  StripeInstance.prototype.confirmCardPayment = function (clientSecret, data, options) {
    return confirmCard(this, 'payment_intent', 'stripe.confirmCardPayment', clientSecret, data, options);
  };

  StripeInstance.prototype.handleNextAction = function (args) {
    var clientSecret = args && args.clientSecret;
    var parsed = requireClientSecret('stripe.handleNextAction', clientSecret);
    var self = this;
    return retrieveIntent(this, parsed).then(function (intent) {
      if (intent.error) return intent;
      return settleIntent(self, parsed, intent);
    });
  };

  StripeInstance.prototype.handleCardAction = function (clientSecret) {
    return this.handleNextAction({ clientSecret: clientSecret });
  };

  StripeInstance.prototype.handleCardSetup = StripeInstance.prototype.confirmCardSetup;

  StripeInstance.prototype.retrieveSetupIntent = function (clientSecret) {
    var parsed = requireClientSecret('stripe.retrieveSetupIntent', clientSecret, 'setup_intent');
    return retrieveIntent(this, parsed).then(function (body) {
      return body.error ? body : { setupIntent: body };
    });
  };

  StripeInstance.prototype.retrievePaymentIntent = function (clientSecret) {
    var parsed = requireClientSecret('stripe.retrievePaymentIntent', clientSecret, 'payment_intent');
    return retrieveIntent(this, parsed).then(function (body) {
      return body.error ? body : { paymentIntent: body };
    });
  };

  StripeInstance.prototype.createPaymentMethod = function (args) {
    args = args || {};
    var element;
    var extra;
    if (args.elements) {
      if (!(args.elements instanceof ElementsGroup)) throw IntegrationError('stripe.createPaymentMethod(): elements should be an Elements group.');
      element = args.elements._cardElement();
      if (!element) {
        throw IntegrationError('Invalid value for stripe.createPaymentMethod(): elements should have a mounted Payment Element.');
      }
      requireSubmitted(args.elements, 'stripe.createPaymentMethod');
      extra = (args.params) || {};
    } else if (args.type === 'card' && args.card instanceof Element) {
      element = args.card;
      extra = args;
    } else {
      throw IntegrationError(
        'stripe.createPaymentMethod(): pass { elements } or { type: \'card\', card: cardElement }; the Seikyu Stripe emulator creates card payment methods only.'
      );
    }
    return createPaymentMethodFromElement(this, element, extra);
  };

  StripeInstance.prototype.createToken = function () {
    return Promise.resolve({
      error: {
        type: 'invalid_request_error',
        code: 'unsupported_by_emulator',
        message: 'Tokens are not supported by the Seikyu Stripe emulator; use createPaymentMethod or confirmSetup.',
      },
    });
  };

  StripeInstance.prototype.createSource = StripeInstance.prototype.createToken;

  StripeInstance.prototype.paymentRequest = function () {
    throw IntegrationError('stripe.paymentRequest() (wallets) is not supported by the Seikyu Stripe emulator.');
  };

  StripeInstance.prototype.registerAppInfo = function (info) {
    this._appInfo = info || null;
  };

  StripeInstance.prototype._registerWrapper = function (wrapper) {
    if (wrapper) this._wrappers.push(wrapper);
  };

  function Stripe(publishableKey, options) {
    if (typeof publishableKey !== 'string' || publishableKey === '') {
      throw IntegrationError('Invalid value for Stripe(): apiKey should be a string. You specified: ' + typeof publishableKey + '.');
    }
    if (/^sk_/.test(publishableKey) || /^rk_/.test(publishableKey)) {
      throw IntegrationError('You should not use your secret key with Stripe.js. Please pass a publishable key instead.');
    }
    if (!/^pk_test_/.test(publishableKey)) {
      throw IntegrationError('The Seikyu Stripe emulator accepts test publishable keys only (pk_test_…). You specified: ' + publishableKey.slice(0, 8) + '….');
    }
    return new StripeInstance(publishableKey, options);
  }

  Stripe.version = 'endive';
  Stripe.__seikyuEmulator = { baseUrl: BASE_URL };

  window.Stripe = Stripe;
})();
