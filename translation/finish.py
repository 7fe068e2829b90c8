"""WAGTAIL_FINISH_WORKFLOW_ACTION: an approved translation publishes the revision that was submitted, which the
reviewer approved (Wagtail would publish the latest); anything else is published as Wagtail does.

Wagtail reads this setting while wagtail.models loads, so nothing here is imported before it is called."""


def publish_submitted_revision(workflow_state, user=None):
    from wagtail.workflows import publish_workflow_state

    from .models import SubmittedTranslation

    task_state = workflow_state.current_task_state
    if task_state and SubmittedTranslation.objects.filter(revision_id=task_state.revision_id).exists():
        task_state.revision.publish(user=user)
    else:
        publish_workflow_state(workflow_state, user=user)
