using NotebookRunner.Export;

namespace NotebookRunner.Tests.Export;

public class NbformatValidationTests
{
    [Fact]
    public void A_valid_executed_notebook_passes()
    {
        NbformatValidation.Validate(Fixtures.Executed);
    }

    [Fact]
    public void An_invalid_notebook_fails_with_the_validators_message()
    {
        var error = Assert.Throws<InvalidDataException>(() => NbformatValidation.Validate(Fixtures.Invalid));

        Assert.Contains("invalid.ipynb is not a valid nbformat 4 notebook", error.Message);
        Assert.Contains("cells[1]", error.Message);
    }
}
