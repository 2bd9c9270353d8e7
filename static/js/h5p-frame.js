/* Runs inside the H5P player's iframe (loaded through h5p-standalone's customJs option): H5P saves
   the learner's state with jQuery POSTs, which Django only accepts with the CSRF token. */
(function () {
  'use strict';
  var frame = window.frameElement;
  var section = frame && frame.closest ? frame.closest('[data-h5p-csrf]') : null;
  var token = section ? section.getAttribute('data-h5p-csrf') : '';
  if (!token || !window.H5P || !window.H5P.jQuery) {
    return;
  }
  window.H5P.jQuery.ajaxSetup({
    beforeSend: function (xhr, settings) {
      if (!/^(GET|HEAD|OPTIONS)$/i.test(settings.type || 'GET')) {
        xhr.setRequestHeader('X-CSRFToken', token);
      }
    }
  });
})();
