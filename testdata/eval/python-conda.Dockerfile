FROM continuumio/miniconda3:23.10.0-1
WORKDIR /opt/app
COPY environment.yml .
RUN conda env create -f environment.yml && conda clean -afy
COPY . .
# label: cache-busting
RUN useradd -m analyst
USER analyst
SHELL ["conda", "run", "-n", "analysis", "/bin/bash", "-c"]
ENTRYPOINT ["conda", "run", "--no-capture-output", "-n", "analysis", "python", "run.py"]
