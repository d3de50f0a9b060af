using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Client.Shared;
using Microsoft.AspNetCore.Components.Forms;

namespace DueDiligence.Web.Client.Assessments;

/// <summary>
/// The wizard's calls to the server (the page API's draft endpoints): the session cookie goes with each by itself; the
/// page's antiforgery token goes in the header of every change. A refusal throws <see cref="PageApiRefusal"/> with the
/// page's sentence, or <see cref="SubmissionIncompleteException"/> with the items when a submission still misses work.
/// </summary>
public sealed class DraftClient(HttpClient http, AntiforgeryStateProvider antiforgery)
{
    public async Task<DraftScreen> ReadAsync(Guid id, CancellationToken cancellationToken = default) =>
        await ReadAsync<DraftScreen>(await http.GetAsync(DraftPath(id), cancellationToken), cancellationToken);

    public Task<SavedAnswer> SaveAnswerAsync(Guid id, AnswerInput answer, Guid? version, CancellationToken cancellationToken = default) =>
        SendAsync<SavedAnswer>(HttpMethod.Put, $"{DraftPath(id)}/answers/{Uri.EscapeDataString(answer.QuestionCode)}", Json(new AnswerSave(answer, version)), cancellationToken);

    public Task<CarriedSectionCopy> ConfirmSectionAsync(Guid id, string sectionCode, CancellationToken cancellationToken = default) =>
        SendAsync<CarriedSectionCopy>(HttpMethod.Post, $"{DraftPath(id)}/sections/{Uri.EscapeDataString(sectionCode)}/confirmation", null, cancellationToken);

    public async Task SubmitAsync(Guid id, CancellationToken cancellationToken = default) =>
        await CheckAsync(await http.SendAsync(Change(HttpMethod.Post, $"{DraftPath(id)}/submission", null), cancellationToken), cancellationToken);

    public Task<EvidenceCopy> UploadEvidenceAsync(
        Guid id, string questionCode, string fileName, Stream content, DateOnly? expiresOn, CancellationToken cancellationToken = default)
    {
        var form = new MultipartFormDataContent { { new StringContent(questionCode), "questionCode" }, { new StreamContent(content), "file", fileName } };
        if (expiresOn is { } date)
        {
            form.Add(new StringContent(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), "expiresOn");
        }

        return SendAsync<EvidenceCopy>(HttpMethod.Post, $"{DraftPath(id)}/evidence", form, cancellationToken);
    }

    public Task<EvidenceCopy> WithdrawEvidenceAsync(Guid id, Guid evidenceId, string? reason, CancellationToken cancellationToken = default) =>
        SendAsync<EvidenceCopy>(HttpMethod.Post, $"{DraftPath(id)}/evidence/{evidenceId}/withdrawal", Json(new EvidenceWithdrawal(reason)), cancellationToken);

    public Task<EvidenceCopy> ChangeEvidenceExpiryAsync(Guid id, Guid evidenceId, DateOnly? expiresOn, CancellationToken cancellationToken = default) =>
        SendAsync<EvidenceCopy>(HttpMethod.Put, $"{DraftPath(id)}/evidence/{evidenceId}/expiry", Json(new EvidenceExpiry(expiresOn)), cancellationToken);

    private static string DraftPath(Guid id) => $"page-api/assessments/{id}/draft";

    private static JsonContent Json<T>(T value) => JsonContent.Create(value, options: PageApiProtocol.Json);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken) =>
        await ReadAsync<T>(await http.SendAsync(Change(method, path, content), cancellationToken), cancellationToken);

    private HttpRequestMessage Change(HttpMethod method, string path, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (antiforgery.GetAntiforgeryToken() is { } token)
        {
            request.Headers.Add(PageApiProtocol.TokenHeader, token.Value);
        }

        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await CheckAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(PageApiProtocol.Json, cancellationToken))!;
    }

    private static async Task CheckAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var problem = await ProblemAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.UnprocessableEntity && problem?.Missing is { } missing)
        {
            throw new SubmissionIncompleteException(missing);
        }

        throw new PageApiRefusal(response.StatusCode, problem?.Detail ?? response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "Your session has ended; sign in again to go on. What you saved is kept.",
            _ => $"The server could not do this ({(int)response.StatusCode}); try again, or reload the page.",
        });
    }

    private static async Task<Problem?> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(PageApiProtocol.Json, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Problem(string? Detail, IReadOnlyList<MissingItem>? Missing);
}
