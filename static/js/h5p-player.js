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
  // h5p-standalone keeps global state while it builds a player, so players start one after another.
  var startQueue = Promise.resolve();
  var dispatcherAttached = false;

  function message(section, key) {
    var template = section.querySelector('template[data-h5p-messages]');
    var node = template && template.content.querySelector('[data-key="' + key + '"]');
    return node ? node.textContent : '';
  }

  function loadMainBundle(src) {
    if (!mainBundle) {
      mainBundle = new Promise(function (resolve, reject) {
        if (window.H5PStandalone) {
          resolve();
          return;
        }
        var script = document.createElement('script');
        script.src = src;
        script.onload = function () { resolve(); };
        script.onerror = function () { reject(new Error('h5p-standalone could not be loaded')); };
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

  function attachDispatcher() {
    if (dispatcherAttached || !window.H5P || !window.H5P.externalDispatcher) {
      return;
    }
    dispatcherAttached = true;
    window.H5P.externalDispatcher.on('xAPI', onStatement);
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

  function start(section) {
    var options;
    try {
      options = JSON.parse(document.getElementById(section.getAttribute('data-h5p-options')).textContent);
    } catch (error) {
      showProblem(section, message(section, 'loadFailed'));
      return;
    }
    sectionsByContentId[String(options.id)] = section;
    var container = section.querySelector('[data-h5p-container]');
    startQueue = startQueue
      .then(function () { return loadMainBundle(section.getAttribute('data-h5p-main-js')); })
      .then(function () {
        var loading = container.querySelector('[data-h5p-loading]');
        return new window.H5PStandalone.H5P(container, options).then(function () {
          if (loading) {
            loading.remove();
          }
          section.classList.add('is-ready');
          attachDispatcher();
          watchViewing(section, options);
        });
      })
      .catch(function (error) {
        if (window.console) {
          window.console.error('H5P activity could not start', error);
        }
        showProblem(section, message(section, 'loadFailed'));
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
    sections.forEach(setUpMarkDone);
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
