"""Curation screens. Actions call model and QuerySet methods; the admin holds no domain logic of its own."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.paginator import Paginator
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from .choices import ReviewStatus
from .models import (
    CURATION_FIELDS,
    Article,
    Publication,
    Review,
    Source,
    Speaker,
    SpeakerAlias,
    SpeakerRole,
    Statement,
    is_curator,
)


def highlight_spans(body: str, marks: list[tuple[int, int, str, str]]) -> str:
    """HTML of ``body`` with each (start, end, css_class, title) span wrapped in <mark>; text is escaped."""
    pieces, cursor = [], 0
    for start, end, css_class, title in sorted(marks):
        if start < cursor:
            continue
        pieces.append(format_html("{}", body[cursor:start]))
        pieces.append(format_html('<mark class="{}" title="{}">{}</mark>', css_class, title, body[start:end]))
        cursor = end
    pieces.append(format_html("{}", body[cursor:]))
    return mark_safe("".join(pieces))


BODY_STYLE = (
    "white-space: pre-wrap; max-width: 60em; line-height: 1.6; font-size: 14px;"
    " background: var(--body-bg); padding: 1em; border: 1px solid var(--hairline-color);"
)
MARK_STYLE = (
    "<style>mark.statement-extracted{background:#fff3b0} mark.statement-verified{background:#c8f7c5}"
    " mark.statement-disputed{background:#ffd6a5} mark.statement-rejected{background:#eee;text-decoration:line-through}"
    " mark{padding:0 2px}</style>"
)


def statement_marks(statements) -> list[tuple[int, int, str, str]]:
    marks = []
    for statement in statements:
        speaker = statement.speaker.name if statement.speaker_id else "unattributed"
        title = f"{speaker} ({statement.cue or 'no cue'}; {statement.get_status_display()})"
        marks.extend((start, end, f"statement-{statement.status}", title) for start, end in statement.spans)
    return marks


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug", "url", "article_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(ordering="article_count", description="articles")
    def article_count(self, obj):
        return obj.article_count


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    extra = 1
    fields = ["name"]


class SpeakerRoleInline(admin.TabularInline):
    model = SpeakerRole
    extra = 1
    fields = ["title", "organization", "start_date", "end_date"]


class MergeSpeakersForm(forms.Form):
    target = forms.ModelChoiceField(
        queryset=Speaker.objects.none(),
        widget=forms.RadioSelect,
        help_text="The speaker to keep. The others' statements, aliases and roles move onto it; they are deleted.",
    )

    def __init__(self, *args, speakers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = speakers


@admin.register(Speaker)
class SpeakerAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "description", "wikidata_id", "statement_count", "updated"]
    list_filter = ["kind", "roles__organization"]
    search_fields = ["name", "aliases__name", "description", "wikidata_id"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["members"]
    inlines = [SpeakerAliasInline, SpeakerRoleInline]
    actions = ["merge_speakers"]
    fields = ["name", "slug", "kind", "description", "wikidata_id", "members"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(ordering="statement_count", description="statements")
    def statement_count(self, obj):
        return obj.statement_count

    def has_merge_permission(self, request):
        # Django grants an action when *any* listed permission holds; merging deletes speakers, so it needs both.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected speakers into one…", permissions=["merge"])
    def merge_speakers(self, request, queryset):
        """Ask which speaker to keep, then merge the others into it in one transaction."""
        speakers = queryset.order_by("name")
        if speakers.count() < 2:
            self.message_user(request, "Select at least two speakers to merge.", messages.WARNING)
            return None
        form = MergeSpeakersForm(request.POST if "apply" in request.POST else None, speakers=speakers)
        if form.is_valid():
            target = form.cleaned_data["target"]
            others = list(speakers.exclude(pk=target.pk))
            moved = target.merge(others, user=request.user)
            names = ", ".join(other.name for other in others)
            self.message_user(request, f"Merged {names} into {target.name}; {moved} statement(s) moved.")
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge speakers",
            "opts": self.model._meta,
            "speakers": speakers,
            "form": form,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/tracker/speaker/merge_speakers.html", context)


@admin.register(SpeakerAlias)
class SpeakerAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "speaker"]
    search_fields = ["name", "speaker__name"]
    autocomplete_fields = ["speaker"]
    list_select_related = ["speaker"]


class PagedInlineFormSet(BaseInlineFormSet):
    """An inline formset of one page of the related rows: ``page_number`` (set per request by the inline) of
    ``per_page`` rows. Saving the change page saves that page's rows; the others are left as they are."""

    per_page = 50
    page_number = 1

    def get_queryset(self):
        if not hasattr(self, "page"):
            self.page = Paginator(super().get_queryset(), self.per_page).get_page(self.page_number)
            # A list, so that counting, indexing and iterating the page's forms read it once.
            self._queryset = list(self.page.object_list)
        return self._queryset

    def page_links(self):
        """The page numbers to link to around the current one, with "…" for the gaps."""
        return list(self.page.paginator.get_elided_page_range(self.page.number, on_each_side=2, on_ends=1))


class StatementInline(admin.TabularInline):
    model = Statement
    formset = PagedInlineFormSet
    template = "admin/tracker/article/statement_inline.html"
    # An article may have a thousand statements: the change page shows them a page at a time.
    page_parameter = "statements_page"
    extra = 0
    fields = ["text", "speaker", "speaker_as_written", "kind", "cue", "source", "status"]
    readonly_fields = ["text", "speaker_as_written"]
    autocomplete_fields = ["speaker", "source"]
    show_change_link = True
    ordering = ["position", "id"]

    def get_formset(self, request, obj=None, **kwargs):
        # The factory makes a new class for each request, so the page asked for can ride on it.
        formset = super().get_formset(request, obj, **kwargs)
        formset.page_number = request.GET.get(self.page_parameter, 1)
        formset.page_parameter = self.page_parameter
        return formset

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "source__publisher")

    def has_add_permission(self, request, obj=None):
        # Spans point into the body, so statements are added on their own page where spans are given.
        return False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publication", "published", "statement_count", "created"]
    list_filter = ["publication", "published"]
    list_select_related = ["publication"]
    date_hierarchy = "published"
    search_fields = ["title", "byline", "url", "body"]
    autocomplete_fields = ["publication"]
    readonly_fields = ["highlighted_body", "body_sha256", "seed_file", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["title", "byline", "published", "publication", "url", "language"]}),
        ("Body with statements highlighted", {"fields": ["highlighted_body"]}),
        (
            "Provenance",
            {"fields": ["body_sha256", "seed_file", "created", "updated"], "classes": ["collapse"]},
        ),
    ]
    inlines = [StatementInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    def has_add_permission(self, request):
        # Articles come in through extraction (load_seeds), which stores the body and its hash together.
        return False

    @admin.display(ordering="statement_count", description="statements")
    def statement_count(self, obj):
        return obj.statement_count

    @admin.display(description="Body")
    def highlighted_body(self, obj):
        marks = statement_marks(obj.statements.select_related("speaker"))
        return format_html(
            '{}<div class="article-body" style="{}">{}</div>',
            mark_safe(MARK_STYLE),
            BODY_STYLE,
            highlight_spans(obj.body, marks),
        )


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "publisher", "date", "statement_count"]
    list_filter = ["kind", "publisher"]
    list_select_related = ["publisher"]
    search_fields = ["title", "publisher__name", "speakers__name", "url"]
    autocomplete_fields = ["publisher", "speakers"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(ordering="statement_count", description="statements")
    def statement_count(self, obj):
        return obj.statement_count


class ReviewInline(admin.StackedInline):
    model = Review
    extra = 0
    fields = ["rating", "explanation", "reviewed_on", "url", "reviewer"]
    autocomplete_fields = ["reviewer"]


class SourceKindListFilter(admin.ChoicesFieldListFilter):
    """Filter by the original source's kind; Django would title it "kind", like the statement's own kind."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = "source kind"


class AttributionListFilter(admin.SimpleListFilter):
    """Statements with or without a speaker: the unattributed ones are quotes the extractor kept for a curator."""

    title = "attribution"
    parameter_name = "attribution"

    def lookups(self, request, model_admin):
        return [("none", "No speaker found"), ("speaker", "Has a speaker")]

    def queryset(self, request, queryset):
        if self.value() in ("none", "speaker"):
            return queryset.filter(speaker__isnull=self.value() == "none")
        return queryset


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = [
        "short_text",
        "speaker",
        "speaker_as_written",
        "kind",
        "status",
        "source_kind",
        "article",
        "published",
    ]
    list_filter = [
        "status",
        AttributionListFilter,
        "attribution_rule",
        "kind",
        ("source__kind", SourceKindListFilter),
        ("speaker", admin.RelatedOnlyFieldListFilter),
        "article__publication",
        "article__published",
    ]
    list_select_related = ["speaker", "article", "source"]
    search_fields = ["text", "speaker__name", "speaker__aliases__name", "speaker_as_written", "cue"]
    autocomplete_fields = ["speaker", "source", "article"]
    readonly_fields = ["context", "spans", "paragraph", "confidence", "attribution_rule", "created", "updated"]
    fieldsets = [
        (None, {"fields": ["text", "kind", "status", "curator_note"]}),
        (
            "Attribution",
            {
                "fields": [
                    "speaker",
                    "speaker_as_written",
                    "role_as_written",
                    "cue",
                    "source",
                    "attribution_rule",
                    "confidence",
                ]
            },
        ),
        ("Position in the article", {"fields": ["article", "context", "paragraph", "spans"]}),
        ("Timestamps", {"fields": ["created", "updated"], "classes": ["collapse"]}),
    ]
    inlines = [ReviewInline]
    actions = ["mark_verified", "mark_disputed", "mark_rejected"]

    def get_readonly_fields(self, request, obj=None):
        # The quote and its article are fixed once spans point into the body; a new statement sets them.
        if obj is not None:
            fields = [*self.readonly_fields, "text", "article"]
        else:
            fields = [field for field in self.readonly_fields if field != "spans"]
        # As in the API: status and note are a curator's to set; others' statements keep the defaults.
        if not is_curator(request.user):
            fields += [name for name in CURATION_FIELDS if name not in fields]
        return fields

    @admin.display(description="statement", ordering="text")
    def short_text(self, obj):
        return str(obj)

    @admin.display(description="source kind", ordering="source__kind")
    def source_kind(self, obj):
        return obj.source.get_kind_display() if obj.source_id else "—"

    @admin.display(description="published", ordering="article__published")
    def published(self, obj):
        return obj.article.published

    @admin.display(description="In the article")
    def context(self, obj):
        """The statement's paragraph with its spans highlighted."""
        body = obj.article.body
        start = body.rfind("\n\n", 0, obj.spans[0][0])
        start = 0 if start < 0 else start + 2
        end = body.find("\n\n", obj.spans[-1][1])
        end = len(body) if end < 0 else end
        marks = [(a - start, b - start, f"statement-{obj.status}", obj.cue) for a, b in obj.spans]
        return format_html(
            '{}<div style="{}">{}</div>',
            mark_safe(MARK_STYLE),
            BODY_STYLE,
            highlight_spans(body[start:end], marks),
        )

    def _set_status(self, request, queryset, status):
        changed = queryset.set_status(status, user=request.user)
        self.message_user(request, f"{changed} statement(s) marked {ReviewStatus(status).label.lower()}.")

    @admin.action(description="Mark selected statements as verified", permissions=["change"])
    def mark_verified(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.VERIFIED)

    @admin.action(description="Mark selected statements as disputed", permissions=["change"])
    def mark_disputed(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.DISPUTED)

    @admin.action(description="Mark selected statements as rejected", permissions=["change"])
    def mark_rejected(self, request, queryset):
        self._set_status(request, queryset, ReviewStatus.REJECTED)


@admin.register(Review)
class ReviewAdmin(SimpleHistoryAdmin):
    list_display = ["statement", "rating", "reviewed_on", "reviewer"]
    list_filter = ["rating", "reviewed_on"]
    list_select_related = ["statement", "reviewer"]
    search_fields = ["statement__text", "explanation", "statement__speaker__name"]
    autocomplete_fields = ["statement", "reviewer"]


admin.site.site_header = "Claim tracker curation"
admin.site.site_title = "Claim tracker"
admin.site.index_title = "Curate statements, speakers and sources"
