/* Lesson H5P blocks: load h5p-standalone when a block scrolls into view, send the activity's xAPI
   statements to the platform, and offer "mark as done" where the block completes that way. */
(function () {
  'use strict';

  // The block template includes this script once per block; only the first copy runs.
  if (window.platformH5PPlayer) {
    return;
  }
  window.platformH5PPlayer = true;

  var LOCAL_CONTENT_ID = 'http://h5p.org/x-api/h5p-local-content-id';
  var SUB_CONTENT_ID = 'http://h5p.org/x-api/h5p-subContentId';
  var VIEWED_AFTER_MS = 5000;

  var sectionsByContentId = {};
  var mainBundle = null;
  // h5p-standalone's frame bundle takes over window.H5PStandalone once a player is built, so the
  // main bundle's export is kept here for every later player on the page.
  var Standalone = null;
  // h5p-standalone keeps global state while it builds a player, so players start one after another.
  var startQueue = Promise.resolve();

  function message(section, key) {
    var template = section.querySelector('template[data-h5p-messages]');
    var node = template && template.content.querySelector('[data-key="' + key + '"]');
    return node ? node.textContent : '';
  }

  function loadMainBundle(src) {
    if (!mainBundle) {
      mainBundle = new Promise(function (resolve, reject) {
        if (window.H5PStandalone && window.H5PStandalone.H5P) {
          Standalone = window.H5PStandalone;
          resolve();
          return;
        }
        var script = document.createElement('script');
        script.src = src;
        script.onload = function () {
          Standalone = window.H5PStandalone;
          resolve();
        };
        script.onerror = function () {
          // A later retry loads the bundle afresh.
          script.remove();
          mainBundle = null;
          reject(new Error('h5p-standalone could not be loaded'));
        };
        document.head.appendChild(script);
      });
    }
    return mainBundle;
  }

  function postJSON(section, url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRFToken': section.getAttribute('data-h5p-csrf') || '',
        'X-Requested-With': 'XMLHttpRequest'
      },
      body: body === undefined ? '{}' : JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.message || response.statusText);
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function showCompleted(section) {
    section.classList.add('is-completed');
    var startAgain = section.querySelector('[data-h5p-start-again]');
    if (startAgain) {
      startAgain.hidden = true;
    }
    var status = section.querySelector('[data-h5p-status]');
    if (status) {
      status.textContent = message(section, 'done');
    }
    section.dispatchEvent(new CustomEvent('h5p:completed', {bubbles: true}));
  }

  function showProblem(section, text) {
    var problem = section.querySelector('[data-h5p-error]');
    if (problem) {
      problem.textContent = text;
      problem.hidden = false;
    }
  }

  function send(section, statement) {
    var pending = section.platformPending || (section.platformPending = []);
    pending.push(statement);
    if (section.platformSending) {
      return;
    }
    section.platformSending = true;
    var next = function () {
      if (!pending.length) {
        section.platformSending = false;
        return;
      }
      var current = pending[0];
      postJSON(section, section.getAttribute('data-h5p-capture-url'), {statement: current})
        .then(function (data) {
          pending.shift();
          var problem = section.querySelector('[data-h5p-error]');
          if (problem && problem.getAttribute('data-kind') === 'save') {
            problem.hidden = true;
          }
          if (data.completed && !section.classList.contains('is-completed')) {
            showCompleted(section);
          }
          next();
        })
        .catch(function (error) {
          section.platformSending = false;
          if (error.status && error.status < 500) {
            // The platform refused this statement for good (e.g. not enrolled); do not resend it.
            pending.shift();
            showProblem(section, error.message);
            return;
          }
          var problem = section.querySelector('[data-h5p-error]');
          if (problem) {
            problem.setAttribute('data-kind', 'save');
          }
          showProblem(section, message(section, 'saveFailed'));
        });
    };
    next();
  }

  function onStatement(event) {
    var statement = event && event.data && event.data.statement;
    if (!statement || !statement.object) {
      return;
    }
    var extensions = (statement.object.definition && statement.object.definition.extensions) || {};
    var section = sectionsByContentId[String(extensions[LOCAL_CONTENT_ID])];
    if (!section || !section.hasAttribute('data-h5p-capture-url')) {
      return;
    }
    if (extensions[SUB_CONTENT_ID] === undefined && section.platformTopLevelId === undefined) {
      section.platformTopLevelId = statement.object.id;
    }
    send(section, statement);
  }

  // Every player that starts may leave a new H5P object, and with it a new externalDispatcher, in
  // this window; the activities' frames send their statements to whichever is current, so each
  // new dispatcher is listened to, once.
  var dispatchers = [];

  function attachDispatcher() {
    var dispatcher = window.H5P && window.H5P.externalDispatcher;
    if (!dispatcher || dispatchers.indexOf(dispatcher) !== -1) {
      return;
    }
    dispatchers.push(dispatcher);
    dispatcher.on('xAPI', onStatement);
  }

  // Content with no results screen completes on viewing: after it has been in view for a while the
  // page reports one "experienced" statement about the activity itself.
  function watchViewing(section, options) {
    if (section.getAttribute('data-h5p-completion') !== 'consumed' || section.classList.contains('is-completed')) {
      return;
    }
    var timer = null;
    var reported = false;
    var report = function () {
      if (reported) {
        return;
      }
      reported = true;
      send(section, {
        verb: {id: 'http://adlnet.gov/expapi/verbs/experienced', display: {'en-US': 'experienced'}},
        object: {
          objectType: 'Activity',
          id: options.xAPIObjectIRI || window.location.href,
          definition: {name: {'und': options.title || ''}}
        }
      });
    };
    if (!('IntersectionObserver' in window)) {
      timer = window.setTimeout(report, VIEWED_AFTER_MS);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          timer = timer || window.setTimeout(function () {
            observer.disconnect();
            report();
          }, VIEWED_AFTER_MS);
        } else if (timer) {
          window.clearTimeout(timer);
          timer = null;
        }
      });
    }, {threshold: 0.5});
    observer.observe(section);
  }

  function reveal(section, selector, shown) {
    var node = section.querySelector(selector);
    if (node) {
      node.hidden = !shown;
    }
  }

  function readOptions(section) {
    try {
      return JSON.parse(document.getElementById(section.getAttribute('data-h5p-options')).textContent);
    } catch (error) {
      return null;
    }
  }

  // A block shows completion controls only once its activity is on screen: a learner must never
  // mark as done what they could not see. A block that failed says so and offers to try again.
  function failed(section, error) {
    if (window.console && error) {
      window.console.error('H5P activity could not start', error);
    }
    section.classList.remove('is-ready');
    section.classList.add('is-failed');
    reveal(section, '[data-h5p-loading]', false);
    reveal(section, '[data-h5p-mark-done]', false);
    reveal(section, '[data-h5p-start-again]', false);
    reveal(section, '[data-h5p-retry]', true);
    var problem = section.querySelector('[data-h5p-error]');
    if (problem) {
      problem.setAttribute('data-kind', 'load');
    }
    showProblem(section, message(section, 'loadFailed'));
  }

  function build(section, options) {
    sectionsByContentId[String(options.id)] = section;
    var container = section.querySelector('[data-h5p-container]');
    startQueue = startQueue
      .then(function () { return loadMainBundle(section.getAttribute('data-h5p-main-js')); })
      .then(function () {
        var loading = container.querySelector('[data-h5p-loading]');
        window.H5PStandalone = Standalone;
        return new Standalone.H5P(container, options).then(function () {
          if (loading) {
            loading.remove();
          }
          section.classList.remove('is-failed');
          section.classList.add('is-ready');
          reveal(section, '[data-h5p-retry]', false);
          reveal(section, '[data-h5p-mark-done]', true);
          if (!section.classList.contains('is-completed')) {
            reveal(section, '[data-h5p-start-again]', Boolean(options.contentUserData));
          }
          attachDispatcher();
          watchViewing(section, options);
        });
      })
      .catch(function (error) { failed(section, error); });
    return startQueue;
  }

  function start(section) {
    var options = readOptions(section);
    if (!options) {
      failed(section, null);
      return;
    }
    build(section, options);
  }

  // Removes the player and puts the loading note back, so the block can be built again.
  function clear(section) {
    var container = section.querySelector('[data-h5p-container]');
    var loading = document.createElement('p');
    loading.className = 'h5p-activity-loading';
    loading.setAttribute('data-h5p-loading', '');
    loading.textContent = message(section, 'loading');
    container.replaceChildren(loading);
    section.classList.remove('is-ready');
  }

  function setUpRetry(section) {
    var button = section.querySelector('[data-h5p-retry]');
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      button.hidden = true;
      reveal(section, '[data-h5p-error]', false);
      clear(section);
      start(section);
    });
  }

  // Some content, resumed from a saved state, locks itself without a way on (issue 12's Fill in the
  // Blanks). Starting again drops the saved state and builds the activity fresh, so a resumed
  // activity always leaves the learner a way to finish.
  function setUpStartAgain(section) {
    var button = section.querySelector('[data-h5p-start-again]');
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      var options = readOptions(section);
      if (!options) {
        return;
      }
      button.disabled = true;
      clear(section);
      fetch(section.getAttribute('data-h5p-state-url'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-CSRFToken': section.getAttribute('data-h5p-csrf') || '',
          'X-Requested-With': 'XMLHttpRequest'
        },
        body: 'data=0&preload=0&invalidate=0'
      }).then(function (response) {
        if (!response.ok) {
          throw new Error(response.statusText);
        }
        delete options.contentUserData;
        button.hidden = true;
        button.disabled = false;
        return build(section, options);
      }).catch(function () {
        button.disabled = false;
        showProblem(section, message(section, 'saveFailed'));
        start(section);
      });
    });
  }

  function setUpMarkDone(section) {
    var button = section.querySelector('[data-h5p-mark-done]');
    if (!button) {
      return;
    }
    button.addEventListener('click', function () {
      button.disabled = true;
      postJSON(section, section.getAttribute('data-h5p-mark-done-url'))
        .then(function () {
          button.textContent = message(section, 'marked');
          showCompleted(section);
        })
        .catch(function (error) {
          button.disabled = false;
          showProblem(section, error.message || message(section, 'saveFailed'));
        });
    });
  }

  function init() {
    var sections = Array.prototype.slice.call(document.querySelectorAll('[data-h5p-player]'));
    sections.forEach(function (section) {
      setUpMarkDone(section);
      setUpRetry(section);
      setUpStartAgain(section);
    });
    if (!('IntersectionObserver' in window)) {
      sections.forEach(start);
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          start(entry.target);
        }
      });
    }, {rootMargin: '200px 0px'});
    sections.forEach(function (section) { observer.observe(section); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
