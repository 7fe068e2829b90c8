"""Machine translation of a whole batch, on the worker: the provider of the settings (with the glossary, as for one
page) fills each string that has no translation yet with a suggestion. A string with any translation (a person's,
the memory's, an earlier machine's) is never touched, even one saved while the task runs; items in review are
skipped. The batch records its progress in strings for the batch page's progress bar."""

import logging
from collections import defaultdict

from django.db.models import F
from django.utils.translation import gettext as _

from wagtail_localize.machine_translators import get_machine_translator

import requests
from django_tasks import task

from translation.guards import in_review, target_of
from translation.memory import suggest, untranslated_segments

from .items import batch_items
from .models import Batch, MachineState
from .submitting import BatchError

logger = logging.getLogger(__name__)


def translatable_items(batch):
    return [item for item in batch_items(batch) if not in_review(target_of(item.translation))]


def start_machine_translation(batch):
    """Queues the batch's machine translation; refuses while one is under way or when no provider is set."""
    if get_machine_translator() is None:
        raise BatchError(_("No machine translator is set up (WAGTAILLOCALIZE_MACHINE_TRANSLATOR)."))
    if batch.machine_state in (MachineState.QUEUED, MachineState.RUNNING):
        raise BatchError(_("Machine translation of this batch is already under way."))
    total = sum(len(untranslated_segments(item.translation)) for item in translatable_items(batch))
    if not total:
        raise BatchError(_("Every string of this batch has a translation or a suggestion already."))
    Batch.objects.filter(pk=batch.pk).update(
        machine_state=MachineState.QUEUED, machine_total=total, machine_done=0, machine_error=""
    )
    translate_batch.enqueue(batch_id=batch.pk)
    return total


def translate_item(translator, translation):
    """Suggests a machine translation for each untranslated string of one item; returns how many it looked at."""
    by_text = defaultdict(list)
    for segment in untranslated_segments(translation):
        by_text[segment.string.as_value()].append(segment)
    if not by_text:
        return 0
    results = translator.translate(translation.source.locale, translation.target_locale, list(by_text))
    for value, segments in by_text.items():
        translated = results.get(value)
        if translated is None or translated.data is None:
            continue
        for segment in segments:
            suggest(translation, segment, translated.data, translator.display_name)
    return sum(len(segments) for segments in by_text.values())


@task()
def translate_batch(batch_id):
    batch = Batch.objects.filter(pk=batch_id).first()
    translator = get_machine_translator()
    if batch is None or translator is None:
        return 0
    Batch.objects.filter(pk=batch_id).update(machine_state=MachineState.RUNNING)
    done, finished = 0, False
    try:
        for item in translatable_items(batch):
            count = translate_item(translator, item.translation)
            done += count
            Batch.objects.filter(pk=batch_id).update(machine_done=F("machine_done") + count)
        finished = True
    except requests.RequestException as error:
        logger.warning("Machine translation of batch %s failed: %s", batch_id, error)
        Batch.objects.filter(pk=batch_id).update(machine_state=MachineState.FAILED, machine_error=str(error)[:500])
        return done
    finally:
        if not finished and Batch.objects.filter(pk=batch_id, machine_state=MachineState.RUNNING).exists():
            Batch.objects.filter(pk=batch_id).update(
                machine_state=MachineState.FAILED, machine_error=_("The worker stopped with an error; see its log.")
            )
    Batch.objects.filter(pk=batch_id).update(machine_state=MachineState.DONE)
    return done
