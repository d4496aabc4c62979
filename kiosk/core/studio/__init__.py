"""Kiosk Studio's editing model: a content pack open for editing, without Qt.

Start with :class:`kiosk.core.studio.model.StudioModel`::

    model = StudioModel.open(places.home, places=places)   # or any content folder
    unsubscribe = model.subscribe(on_change)                # Change(kind, key, field)
    rows = model.slides(topic=None)                         # SlideRow per playlist entry
    editor = model.editor(rows[0].key)                      # or model.editor(CLINIC)
    for field in editor.fields():                           # FieldState per fields.py spec
        ...
    editor.set_text("title", "es", "Pausas para caminar")   # one undo step (typing merges)
    model.set_schedule(key, ScheduleValue(start=date(2026, 3, 1), days=WEEKDAYS))
    model.set_picture(key, "image", Path("~/Photos/stretch.jpg").expanduser())
    request = model.check_request()                         # GUI thread
    result = request.run()                                  # any thread
    model.apply_check(result)                               # GUI thread: problems shown
    plan = model.save_plan()                                # GUI thread
    outcome = model.apply_save(plan.run())                  # run() in a worker; or model.save()

Slides are addressed by :class:`~kiosk.core.studio.keys.DocKey` (their file, and their place
under ``slides:`` in a file holding several); :data:`~kiosk.core.studio.keys.CLINIC` is
clinic.yaml. Fields are addressed by the validator's own paths (``title``, ``steps[2]``,
``schedule.until``, ``topics[1].title``, ``opening_hours.mon``), so each of the validator's
problems (:class:`~kiosk.core.studio.problems_map.FieldProblem`) lands on the field,
language and list item it names.

Modules, from the bottom up: ``text_files`` (bytes and text, byte for byte), ``round_trip``,
``splice``, ``structure`` and ``documents`` (ruamel editing that keeps comments and leaves
untouched lines as written), ``field_paths``, ``keys``, ``schema`` (the view of fields.py),
``values``, ``schedule_values``, ``writers`` (typed values read and written), ``pack_state``
(the files now and on disk), ``edits`` and ``undo`` (steps), ``field_edits`` and
``slide_ops`` (the changes), ``editor``, ``field_editor``, ``slide_rows``,
``schedule_status``, ``playing`` (what the window shows), ``pictures`` and
``picture_library`` (imports), ``trash`` (``.deleted/``), ``new_slides``,
``problems_map`` and ``checking`` (the real loader on a staging copy), ``saving``,
``versions`` (history, restore, publishing), ``observers``, and ``model`` on top.
"""
